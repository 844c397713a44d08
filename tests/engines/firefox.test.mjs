// The shared scenarios (scenarios.mjs) in Firefox (drivers/firefox.mjs).
import { engineTests } from './engine.mjs';

engineTests('firefox');
