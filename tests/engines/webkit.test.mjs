// The shared scenarios (scenarios.mjs) in WebKit (drivers/webkit.mjs), under LANG=C.UTF-8.
import { engineTests } from './engine.mjs';

engineTests('webkit');
