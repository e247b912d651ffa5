// Proves the suite runs inside a real VS Code and that the extension's wiring holds: it activates, every
// command the manifest contributes is registered, and a contributed command runs through vscode.commands.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'llm-footprint.llm-footprint';

interface Manifest {
  contributes: { commands: { command: string }[] };
}

function semver(v: string): [number, number, number] {
  const [major = 0, minor = 0, patch = 0] = v.split(/[.-]/).map((p) => Number.parseInt(p, 10));
  return [major, minor, patch];
}

describe('activation: inside a real VS Code', () => {
  it('runs in VS Code 1.100 or newer (not a mock)', () => {
    const [major, minor] = semver(vscode.version);
    assert.ok(major > 1 || (major === 1 && minor >= 100), `vscode.version is ${vscode.version}`);
    assert.ok(vscode.env.appName.length > 0, 'vscode.env.appName is empty');
    // The `vscode` module is the host's own API object, with live namespaces, not a stub.
    assert.equal(typeof vscode.commands.executeCommand, 'function');
    assert.equal(typeof vscode.languages.registerCodeLensProvider, 'function');
    console.log(`      running in ${vscode.env.appName} ${vscode.version} (${vscode.env.appHost})`);
  });

  it('opened the integration workspace folder', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'expected exactly one workspace folder');
    assert.equal(path.basename(folders[0]!.uri.fsPath), 'workspace');
  });

  it('finds and activates llm-footprint.llm-footprint', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed in this VS Code`);
    await ext.activate();
    assert.equal(ext.isActive, true);
    assert.equal((ext.packageJSON as { name: string }).name, 'llm-footprint');
  });

  it('registers every command that package.json contributes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    const manifest = JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'package.json'), 'utf8')) as Manifest;
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.ok(contributed.includes('llmFootprint.auditWorkspace'));
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('runs llmFootprint.auditWorkspace through vscode.commands.executeCommand', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    // Whatever the command returns, it must complete without throwing into the caller.
    await vscode.commands.executeCommand('llmFootprint.auditWorkspace');
  });
});
