import type { Page } from 'playwright-core';
import type { CommandInput, CommandName, CommandOutput } from '../messaging/protocol';

/**
 * Sends a command to the background from an open extension page, as the dashboard does, and
 * returns its value; throws with the background's answer when it refuses. For the demo's data,
 * the tests and the benchmark. One message per evaluate: the function passed to the page stays
 * free of helpers a bundler might add.
 */
export async function sendFromPage<N extends CommandName>(page: Page, cmd: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
  const response = (await page.evaluate(
    ([c, i]) => (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).chrome.runtime.sendMessage({ cmd: c, input: i }),
    [cmd, input] as const,
  )) as { ok: true; value: CommandOutput<N> } | { ok: false; error: unknown };
  if (!response.ok) throw new Error(`${cmd} was refused: ${JSON.stringify(response.error)}`);
  return response.value;
}
