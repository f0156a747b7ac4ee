export { ResponseValidator, type Answer } from './response-validator.js';
