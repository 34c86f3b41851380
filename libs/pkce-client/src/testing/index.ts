export {
  createFakeAuthorizationServer,
  type FakeAuthorizationServer,
  type FakeAuthorizationServerOptions,
} from './fake-authorization-server.js';
export { testSettings } from './test-settings.js';
