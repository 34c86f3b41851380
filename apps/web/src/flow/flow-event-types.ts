/**
 * The steps the flow inspector shows and the JSON each FlowEvent.detail holds. They are defined
 * by `@oauth-ref/web-auth` (which records them); the app's pages import them from here.
 */
export type {
  ApiCallDetail,
  AuthorizationRequestDetail,
  CallbackDetail,
  CallbackRejectedDetail,
  DecodedJwt,
  FlowDetail,
  FlowStep,
  RefreshRejectedDetail,
  SignOutDetail,
  TokenResponseDetail,
} from '@oauth-ref/web-auth';
