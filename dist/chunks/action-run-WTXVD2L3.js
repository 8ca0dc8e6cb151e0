import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  createActionRun,
  group,
  requireGitHub,
  selectedSpaces
} from "./chunk-KMOKAQYL.js";
import "./chunk-DM6IOE3Q.js";
import "./chunk-QBJZ53VK.js";
import "./chunk-2YFC7YIM.js";
import "./chunk-DSJGBVOR.js";
import "./chunk-XWFLS6EG.js";
import "./chunk-CSAISFHI.js";
import "./chunk-IX2IGMNH.js";
import "./chunk-C6B32G2J.js";
export {
  createActionRun,
  group,
  requireGitHub,
  selectedSpaces
};
