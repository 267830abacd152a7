import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { makeAppFiles } from './app';

/** Writes the Make app into make/, and removes any file there it no longer generates. */
function main(): void {
  const root = join(__dirname, '..', '..', '..', 'make');
  const files = makeAppFiles();
  for (const existing of listFiles(root)) {
    const path = relative(root, existing).split('\\').join('/');
    if (!files.has(path) && !path.startsWith('.secrets/')) rmSync(existing);
  }
  for (const [path, content] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  console.log(`make/: ${files.size} files written`);
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
  } catch {
    return [];
  }
}

main();
