import { registerRootComponent } from 'expo';
import { App } from './src/ui/app.js';

registerRootComponent(App);
