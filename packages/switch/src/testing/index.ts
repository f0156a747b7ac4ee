export { FakeLink, type FakeAnswer, type FakeRequest } from './fake-link.js';
