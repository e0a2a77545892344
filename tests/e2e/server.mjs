// What every browser test shares: the server binary on demo data, and the system Chromium.
//
//   TUYENVAN_BIN  server binary (default ../../build/release/tuyenvan from this file)
//   CHROMIUM      browser binary (default /usr/bin/chromium; playwright-core never downloads one)

import { execFile, spawn } from 'node:child_process';
import { access, constants, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

export const kBin = process.env.TUYENVAN_BIN
  ? path.resolve(process.env.TUYENVAN_BIN)
  : fileURLToPath(new URL('../../build/release/tuyenvan', import.meta.url));
export const kChromium = process.env.CHROMIUM || '/usr/bin/chromium';
export const kChromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/// Launches the system Chromium headless.
export function LaunchChromium(timeout = 30_000) {
  return chromium.launch({ executablePath: kChromium, args: kChromiumArgs, timeout });
}

/// Signs `account` ({login, password}) in through the sign-in form and waits for the back office.
export async function SignIn(page, account) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(account.login);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(account.password);
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/quan-tri'),
    page.locator('main form[action="/dang-nhap"]').getByRole('button', { name: 'Đăng nhập', exact: true }).click(),
  ]);
}

/// `tuyenvan demo` in a fresh data folder, then `tuyenvan serve` on an ephemeral loopback port.
export class DemoServer {
  constructor() {
    this.log = [];      // the tail of the server's output, to explain a failure
    this.exit = null;   // how it ended, when it ended early
    this.data_dir = null;
    this.child = null;
  }

  /// Resolves to the base URL once the server prints "listening on http://127.0.0.1:PORT".
  /// `demo` and `serve` are extra arguments of the two commands.
  async start({ demo = [], serve = [], startup_ms = 30_000 } = {}) {
    await access(kBin, constants.X_OK).catch(() => {
      throw new Error(`server binary not found or not executable: ${kBin} (build it, or set TUYENVAN_BIN)`);
    });
    this.data_dir = await mkdtemp(path.join(tmpdir(), 'tuyenvan-e2e-'));
    await promisify(execFile)(kBin, ['demo', '--data', this.data_dir, ...demo], { timeout: 120_000 }).catch((e) => {
      throw new Error(`tuyenvan demo failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    });
    this.child = spawn(kBin, ['serve', '--data', this.data_dir, '--listen', '127.0.0.1:0', ...serve], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not report its port within ${startup_ms} ms:\n${this.log.join('\n')}`)),
        startup_ms);
      const on_data = (chunk) => {
        for (const line of chunk.toString('utf8').split('\n')) {
          if (!line) continue;
          this.log.push(line);
          // Keep only the tail: enough to explain a failure, bounded for a long run.
          if (this.log.length > 200) this.log = this.log.slice(-100);
          const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
          if (m) {
            clearTimeout(timer);
            resolve(`http://127.0.0.1:${m[1]}`);
          }
        }
      };
      this.child.stdout.on('data', on_data);
      this.child.stderr.on('data', on_data);
      this.child.once('error', (e) => { clearTimeout(timer); reject(e); });
      this.child.once('exit', (code, signal) => {
        clearTimeout(timer);
        this.exit = `code ${code}, signal ${signal}`;
        reject(new Error(`server exited early (${this.exit}):\n${this.log.join('\n')}`));
      });
    });
  }

  /// SIGTERM (SIGKILL after 5 s), then removes the data folder.
  async stop() {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (this.data_dir) await rm(this.data_dir, { recursive: true, force: true });
  }

  /// When the server died during a test, puts its last output before the test's error.
  explain(error) {
    if (this.exit) {
      error.message = `the server died during the test (${this.exit}); its last output:\n` +
        `${this.log.slice(-30).join('\n')}\n--- test error ---\n${error.message}`;
    }
    return error;
  }
}
