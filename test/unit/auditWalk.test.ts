import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { auditPaths } from '../../src/core/audit/auditPaths';
import { decodeSource, readBytes, ScratchBuffer } from '../../src/core/audit/readSource';
import { collectWalk } from '../../src/core/audit/walk';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

// The walk over a real temporary tree: what is audited, what is silently left out (dependencies, build outputs,
// ignored files) and what is reported as skipped with a reason.

const CALL = 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[])\n';

function write(root: string, rel: string, content: string | Buffer): void {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

describe('audit walk', () => {
  let root: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'llmfp-walk-'));
    fs.mkdirSync(path.join(root, '.git'));
    write(root, 'src/app.py', CALL);
    write(root, 'src/web.ts', 'export const x = 1;\n');
    write(root, 'src/types.d.ts', 'export declare const y: number;\n');
    write(root, 'README.md', '# not code\n');
    write(root, '.gitignore', 'generated/\n*.tmp.py\n');
    write(root, 'generated/gen.py', CALL);
    write(root, 'src/scratch.tmp.py', CALL);
    write(root, 'pkg/.gitignore', 'secret.py\n!keep.tmp.py\n');
    write(root, 'pkg/secret.py', CALL);
    write(root, 'pkg/keep.tmp.py', CALL);
    write(root, 'pkg/mod.py', CALL);
    write(root, 'node_modules/openai/index.js', 'module.exports = {};\n');
    write(root, 'dist/bundle.js', 'x();\n');
    write(root, 'build/out.py', CALL);
    write(root, '__pycache__/m.py', CALL);
    write(root, 'myenv/pyvenv.cfg', 'home = /usr/bin\n');
    write(root, 'myenv/lib/site.py', CALL);
    write(root, 'vendor/lib.js', 'x();\n');
    write(root, 'config_ignored/c.py', CALL);
    write(root, 'binary.py', Buffer.from([0x70, 0x72, 0x00, 0x01, 0x02]));
    write(root, 'huge.py', '# ' + 'x'.repeat(2 * 1024 * 1024) + '\n');
    write(root, 'bundle.js', 'var a=1;'.repeat(4000));
    write(root, 'jquery.min.js', 'var a=1;\n');
    write(root, 'crlf_bom.py', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CALL.replace(/\n/g, '\r\n'))]));
    fs.symlinkSync('.', path.join(root, 'src', 'loop'));
    fs.symlinkSync('b', path.join(root, 'a'));
    fs.symlinkSync('a', path.join(root, 'b'));
    fs.symlinkSync(path.join(root, 'src', 'app.py'), path.join(root, 'alias.py'));
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lists only analysable, non-ignored files, each once', async () => {
    const entries = await collectWalk([{ path: root, base: root, ignore: ['config_ignored/'] }]);
    const files = entries.flatMap((entry) => (entry.kind === 'file' ? [entry.file] : []));
    assert.deepEqual(files.sort(), [
      'binary.py', 'bundle.js', 'crlf_bom.py', 'huge.py', 'jquery.min.js', 'pkg/keep.tmp.py', 'pkg/mod.py', 'src/app.py', 'src/web.ts',
    ].sort());
  });

  it('reports binary, huge, minified files and symlink loops as skipped with a reason, and finishes', async () => {
    const result = await auditPaths([{ path: root, base: root, ignore: ['config_ignored/'] }], { settings: DEFAULT_SETTINGS, workers: 0 });
    const reasons = new Map(result.skipped.map((s) => [s.file, s.reason]));
    assert.match(reasons.get('binary.py') ?? '', /^binary/);
    assert.match(reasons.get('huge.py') ?? '', /^too large \(2(\.0+)? MB > 2 MB limit\)/);
    assert.match(reasons.get('bundle.js') ?? '', /^minified/);
    assert.match(reasons.get('jquery.min.js') ?? '', /^minified/);
    assert.match(reasons.get('src/loop/') ?? '', /symlink loop/);
    assert.match(reasons.get('a') ?? reasons.get('b') ?? '', /symlink loop/);
    const analysed = result.files.map((f) => f.file).sort();
    assert.deepEqual(analysed, ['crlf_bom.py', 'pkg/keep.tmp.py', 'pkg/mod.py', 'src/app.py', 'src/web.ts']);
    assert.equal(result.totals.filesAnalysed, 5);
    assert.equal(result.totals.skipped, result.skipped.length);
  });

  it('honours a smaller configured size limit', async () => {
    const result = await auditPaths([{ path: path.join(root, 'src'), base: root }], { settings: DEFAULT_SETTINGS, workers: 0, maxFileBytes: 30 });
    assert.deepEqual(result.skipped.filter((s) => s.reason.startsWith('too large')).map((s) => s.file), ['src/app.py']);
  });

  it('audits a file named explicitly, with a path relative to the base', async () => {
    const result = await auditPaths([{ path: path.join(root, 'generated', 'gen.py'), base: root }], { settings: DEFAULT_SETTINGS, workers: 0 });
    assert.deepEqual(result.files.map((f) => f.file), ['generated/gen.py']);
  });

  it('prefixes paths of a multi-root audit with the root label, applying the repository .gitignore above a root', async () => {
    const result = await auditPaths([
      { path: path.join(root, 'src'), base: path.join(root, 'src'), prefix: 'front/' },
      { path: path.join(root, 'pkg'), base: path.join(root, 'pkg'), prefix: 'back/' },
    ], { settings: DEFAULT_SETTINGS, workers: 0 });
    assert.deepEqual(result.files.map((f) => f.file).sort(), ['back/keep.tmp.py', 'back/mod.py', 'front/app.py', 'front/web.ts']);
  });
});

describe('audit decodeSource', () => {
  it('drops a UTF-8 BOM and keeps CRLF line ends for the detector', () => {
    const r = decodeSource(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a = 1\r\nb = 2\r\n')]), 'x.py');
    assert.deepEqual(r, { ok: true, text: 'a = 1\r\nb = 2\r\n' });
  });

  it('decodes UTF-16 with a BOM instead of calling it binary', () => {
    const r = decodeSource(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('x = "é"\n', 'utf16le')]), 'x.py');
    assert.deepEqual(r, { ok: true, text: 'x = "é"\n' });
  });

  it('replaces a few invalid UTF-8 bytes and keeps the file', () => {
    const r = decodeSource(Buffer.concat([Buffer.from('s = "caf'), Buffer.from([0xe9]), Buffer.from('"\nprint(s)\n')]), 'x.py');
    assert.deepEqual(r, { ok: true, text: 's = "caf\uFFFD"\nprint(s)\n' });
  });

  it('skips mostly-invalid bytes as undecodable', () => {
    const bytes = Buffer.alloc(400, 0xff);
    assert.deepEqual(decodeSource(bytes, 'x.py'), { ok: false, reason: 'undecodable (not UTF-8 text)' });
  });

  it('keeps a source file with one long prompt line among normal lines', () => {
    const text = `PROMPT = "${'word '.repeat(1500)}"\n` + 'x = 1\n'.repeat(3000);
    assert.equal(decodeSource(Buffer.from(text), 'x.py').ok, true);
  });
});

describe('audit readBytes into a scratch buffer (no fstat)', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmfp-read-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads files of every size whole, growing the buffer, and reports the real size of a file over the limit', () => {
    const scratch = new ScratchBuffer();
    for (const size of [0, 1, 65_535, 65_536, 65_537, 300_000, 1_000]) {
      const bytes = Buffer.alloc(size, 'a'.charCodeAt(0));
      if (size > 0) bytes[size - 1] = 'z'.charCodeAt(0);
      const file = path.join(dir, `f${size}.py`);
      fs.writeFileSync(file, bytes);
      const plain = readBytes(file, 300_000);
      const scratched = readBytes(file, 300_000, scratch);
      assert.ok(plain.ok && scratched.ok, `${size}`);
      assert.ok(plain.bytes.equals(bytes) && scratched.bytes.equals(bytes), `${size} bytes read whole`);
    }
    const limit = path.join(dir, 'limit.py');
    fs.writeFileSync(limit, Buffer.alloc(1000, 0x61));
    assert.equal(readBytes(limit, 1000, scratch).ok, true);
    assert.deepEqual(readBytes(limit, 999, scratch), { ok: false, reason: 'too large (1000 B > 999 B limit)' });
    assert.deepEqual(readBytes(limit, 999), { ok: false, reason: 'too large (1000 B > 999 B limit)' });
    assert.deepEqual(readBytes(path.join(dir, 'none.py'), 999, scratch), { ok: false, reason: 'cannot read: ENOENT' });
  });
});

describe('audit ignore globs', () => {
  it('applies VS Code files.exclude-style globs (braces, **) relative to the root', async () => {
    const { makeMatcher } = await import('../../src/core/audit/ignoreRules');
    const m = makeMatcher(['**/*.{gen,auto}.py', 'scripts/**', '**/.git']);
    assert.equal(m.ignores('a/b/x.gen.py'), true);
    assert.equal(m.ignores('x.auto.py'), true);
    assert.equal(m.ignores('x.py'), false);
    assert.equal(m.ignores('scripts/run.py'), true);
    assert.equal(m.ignores('src/scripts.py'), false);
  });
});
