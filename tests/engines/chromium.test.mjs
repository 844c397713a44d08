// The shared scenarios (scenarios.mjs) in Chromium (drivers/chromium.mjs).
import { engineTests } from './engine.mjs';

engineTests('chromium');
