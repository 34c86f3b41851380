export {
  defaultUrls,
  demoClients,
  demoUsers,
  findDemoUser,
  machineClient,
  mobileClient,
  webClient,
} from './demo-config.js';
export type { DemoClient, DemoClientKind, DemoUser } from './demo-config.js';
