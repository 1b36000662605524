/** Runs a Node script to its end and measures it: wall time here, CPU and peak RSS reported by the process. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const preload = fileURLToPath(new URL('./measure.cjs', import.meta.url));

/**
 * @param {string} script @param {string[]} args @param {{ cwd?: string, env?: Record<string, string> }} [options]
 * @returns {Promise<{ wallMs: number, cpuMs: number, rssMb: number, status: number | null, stdout: string, stderr: string }>}
 */
export function measure(script, args, options = {}) {
  const usageFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'appi-bench-usage-')), 'usage.json');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', preload, script, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env, APPI_BENCH_USAGE: usageFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const wallMs = performance.now() - started;
      try {
        const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8'));
        resolve({ wallMs, ...usage, status, stdout, stderr });
      } catch {
        reject(new Error(`${path.basename(script)} ${args.join(' ')} exited with ${status} and no usage:\n${stderr}`));
      } finally {
        fs.rmSync(path.dirname(usageFile), { recursive: true, force: true });
      }
    });
  });
}

/** A running process's resident memory now and at its peak (Linux: /proc), in MB. */
export function processMemory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}
