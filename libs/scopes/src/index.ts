export { parseScope } from './parse-scope.js';
