import { useSyncExternalStore } from 'react';
import type { AuthController } from '../auth/auth-controller.js';
import type { AuthViewState } from '../auth/auth-state.js';

/** Subscribes a component to the controller's state. */
export function useAuthState(controller: AuthController): AuthViewState {
  return useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
}
