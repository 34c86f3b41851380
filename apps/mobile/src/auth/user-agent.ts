/** How the app sends the user to the provider and back; one implementation per platform. */
export type AuthorizationOutcome =
  | { readonly type: 'redirecting' }
  | { readonly type: 'callback'; readonly url: URL }
  | { readonly type: 'cancelled' };

export interface UserAgent {
  /** Opens the authorization URL; native returns the callback, web navigates away. */
  startAuthorization(url: URL, redirectUri: string): Promise<AuthorizationOutcome>;
  /** RP-initiated logout: sends the browser to the end-session URL (web only). */
  endSession(url: URL): Promise<void>;
  /** Removes the callback parameters (the code) from the address bar and history (web). */
  forgetCallbackUrl(): void;
  readonly supportsEndSession: boolean;
}
