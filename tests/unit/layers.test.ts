// The layer rules are enforced by lint; these cases make sure the rules themselves keep
// rejecting imports that cross a layer the wrong way, and keep allowing the right ones.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === '@typescript-eslint/no-restricted-imports').map((message) => message.message);
}

describe('import layers', () => {
  it.each([
    ['shared/example.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['shared/example.ts', "import { plans } from '../db/schema';\nexport const a = plans;"],
    ['shared/example.ts', "import React from 'react';\nexport const a = React;"],
    ['db/example.ts', "import { openApp } from '../electron/core/app';\nexport const a = openApp;"],
    ['electron/core/example.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/core/example.ts', "import { runWebHost } from '../web/run';\nexport const a = runWebHost;"],
    ['electron/web/example.ts', "import { BrowserWindow } from 'electron';\nexport const a = BrowserWindow;"],
    ['renderer/src/example.ts', "import { openApp } from '../../electron/core/app';\nexport const a = openApp;"],
    ['renderer/src/example.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['renderer/src/example.ts', "import path from 'node:path';\nexport const a = path;"],
    ['renderer/src/example.ts', "import { contract } from '../../shared/contract';\nexport const a = contract;"],
    ['renderer/src/example.ts', "import * as z from 'zod';\nexport const a = z;"],
  ])('%s may not: %s', async (file, code) => {
    expect((await layerErrors(file, code)).length).toBeGreaterThan(0);
  });

  it.each([
    ['renderer/src/example.ts', "import type { PlanSummary } from '../../shared/contract';\nexport type A = PlanSummary;"],
    ['db/example.ts', "import { AppError } from '../shared/errors';\nexport const a = AppError;"],
    ['electron/core/example.ts', "import { plans } from '../../db/schema';\nexport const a = plans;"],
    ['electron/desktop/example.ts', "import { app } from 'electron';\nexport const a = app;"],
  ])('%s may: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
