export {
  defaultUrls,
  demoClients,
  demoClientsAt,
  demoUsers,
  findDemoUser,
  machineClient,
  mobileClient,
  mobileClientAt,
  webClient,
  webClientAt,
} from './demo-config.js';
export type { ClientUrls, DemoClient, DemoClientKind, DemoUser } from './demo-config.js';
