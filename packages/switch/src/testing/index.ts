export { FakeLink, type FakeAnswer, type FakeRequest } from './fake-link.js';
export { FillingAuditStore } from './filling-audit-store.js';
