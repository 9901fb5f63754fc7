/**
 * The always-loaded part for pages with Python snippets: turns paired
 * snippets into "Python | TypeScript" tabs. Their controls, and CPython's
 * download on intent, go through the shared island (../snippets.ts → controller).
 */
import { initSnippetTabs } from './tabs';

export const initPythonSnippets = initSnippetTabs;
