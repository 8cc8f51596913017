import functions from '@azure/functions';
import { loadConfig } from '../config.js';
import { createEngine } from '../engine.js';
import { registerFunctions } from './registerFunctions.js';

// The Function App's entry point (package.json "main" of the deployed package points here).
registerFunctions(functions.app, createEngine({ config: loadConfig(process.env) }));
