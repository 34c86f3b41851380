// Every relative link in the workspace's Markdown points at a file that exists: READMEs name the
// file that enforces each rule and the test that proves it, so a moved or renamed file must take
// its links along (a reader who follows a dead link loses the thread).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const LINK = /\]\(([^)#\s]+)(?:#[^)]*)?\)/g;

/**
 * The relative link targets of one Markdown text that do not exist, resolved from its folder.
 *
 * @example
 * deadLinks('README.md', '[api](apps/api/README.md)', process.cwd()); // []
 *
 * @param {string} file the Markdown file's path, relative to `root`
 * @param {string} text its content
 * @param {string} root the workspace root
 * @returns {string[]}
 */
export function deadLinks(file, text, root) {
  const folder = path.dirname(file);
  return [...text.matchAll(LINK)]
    .map((match) => match[1] ?? '')
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
    .filter((target) => !existsSync(path.join(root, folder, decodeURIComponent(target))))
    .map((target) => `${file}: ${target}`);
}

/**
 * The Markdown files git tracks in the workspace.
 *
 * @example
 * trackedMarkdown(process.cwd()).includes('README.md'); // true
 *
 * @param {string} root
 * @returns {string[]}
 */
export function trackedMarkdown(root) {
  return execFileSync('git', ['ls-files', '*.md'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file.length > 0 && existsSync(path.join(root, file)));
}

/**
 * Every dead relative link in the workspace's tracked Markdown.
 *
 * @example
 * expect(allDeadLinks(process.cwd())).toEqual([]);
 *
 * @param {string} root
 * @returns {string[]}
 */
export function allDeadLinks(root) {
  return trackedMarkdown(root).flatMap((file) =>
    deadLinks(file, readFileSync(path.join(root, file), 'utf8'), root),
  );
}
