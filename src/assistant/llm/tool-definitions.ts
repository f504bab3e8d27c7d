import { tool, ToolInputParsingException, type StructuredToolInterface } from '@langchain/core/tools';
import { convertToOpenAITool } from '@langchain/core/utils/function_calling';
import { z } from 'zod';
import type { KnowledgeTools } from '../ports.js';
import type { Evidence } from './evidence.js';
import type { ChatTool } from '../../adapters/llm/openai-client.js';

/**
 * The argument schemas of the agent's tools, defined once. `tool()` turns each into a LangChain
 * tool whose JSON schema is what the model is sent and whose parser validates what it returns.
 * The descriptions are part of the schema (the API documentation of each tool), not prompt prose.
 */
export const toolSchemas = {
  search_knowledge: z.object({
    query: z.string().trim().min(1).max(200).describe('What to look for, in the words of the documents'),
    k: z.number().int().min(1).max(8).optional().describe('How many passages to return (default 5)'),
  }),
  lookup_figure: z.object({
    metric: z.string().trim().min(1).max(100).describe('Indicator id, Chinese or English name, or alias'),
    year: z.number().int().min(1949).max(2100).optional().describe('Only values of this year'),
  }),
  list_figures: z.object({
    category: z.string().trim().min(1).max(100).optional().describe('Only indicators of this category'),
    year: z.number().int().min(1949).max(2100).optional().describe('Only values of this year'),
  }),
  compare_with_target: z.object({
    metric: z.string().trim().min(1).max(100).describe('Indicator id, Chinese or English name, or alias'),
    year: z.number().int().min(1949).max(2100).describe('The target year'),
  }),
  list_sources: z.object({}),
  find_entitlements: z.object({
    question: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .describe("The veteran's question or the entitlement asked about, in their words or the law's"),
    k: z.number().int().min(1).max(5).optional().describe('How many cards to return (default 3)'),
  }),
} as const;

export type ToolName = keyof typeof toolSchemas;

const descriptions: Record<ToolName, string> = {
  search_knowledge: 'Search the bureau documents; returns verbatim passages, each with a cite number.',
  lookup_figure: 'Values (actuals and targets) of one indicator; value null means not disclosed.',
  list_figures: 'All indicator values, optionally of one category and/or year.',
  compare_with_target:
    'Target of an indicator for a year next to the latest actual, with progress and gap computed in code.',
  list_sources: 'The documents the assistant knows: title, kind, issuer, effective date.',
  find_entitlements:
    "Entitlement cards for a veteran's benefits question: plain answer, who qualifies, exceptions, where to go, what other rules decide, and the law articles (verbatim, each with a cite number). Confidence below 0.3 means no card answers it.",
};

const json = (value: unknown): string => JSON.stringify(value);

/** Creates the six read-only tools for one answer; their outputs are registered in `evidence`. */
// Each tool is written out in full on purpose (the duplicate checker sees their same shape): its
// handler, name, description and schema side by side are what a reader of the model's tools needs.
export function createToolDefinitions(tools: KnowledgeTools, evidence: Evidence): StructuredToolInterface[] {
  const notFound = (what: string) => json({ found: false, message: `No ${what} matched; try another name.` });
  return [
    tool(async ({ query, k }) => json(evidence.passages(await tools.searchKnowledge(query, k ?? 5))), {
      name: 'search_knowledge',
      description: descriptions.search_knowledge,
      schema: toolSchemas.search_knowledge,
    }),
    tool(
      async ({ metric, year }) => {
        const found = tools.lookupFigure(metric, year);
        if (!found) return notFound('indicator');
        return json({ metric: found.metricId, name: found.name, values: evidence.figures(found.values) });
      },
      { name: 'lookup_figure', description: descriptions.lookup_figure, schema: toolSchemas.lookup_figure },
    ),
    tool(async ({ category, year }) => json(evidence.figures(tools.listFigures(category, year))), {
      name: 'list_figures',
      description: descriptions.list_figures,
      schema: toolSchemas.list_figures,
    }),
    tool(
      async ({ metric, year }) => {
        const result = tools.compareWithTarget(metric, year);
        return result ? json(evidence.comparison(result)) : notFound('indicator or target');
      },
      {
        name: 'compare_with_target',
        description: descriptions.compare_with_target,
        schema: toolSchemas.compare_with_target,
      },
    ),
    tool(async () => json(evidence.sources(tools.listSources())), {
      name: 'list_sources',
      description: descriptions.list_sources,
      schema: toolSchemas.list_sources,
    }),
    tool(async ({ question, k }) => json(evidence.entitlements(tools.findEntitlements(question, k ?? 3))), {
      name: 'find_entitlements',
      description: descriptions.find_entitlements,
      schema: toolSchemas.find_entitlements,
    }),
  ];
}

/** The `tools` parameter of a chat completion, derived from the same LangChain tools. */
export function toChatTools(definitions: readonly StructuredToolInterface[]): ChatTool[] {
  return definitions.map((definition) => convertToOpenAITool(definition) as ChatTool);
}

/** The outcome of one tool call as it goes back to the model. */
export interface ToolCallOutcome {
  ok: boolean;
  content: string;
}

/**
 * Runs one tool call from the model. Unknown tools, malformed JSON and arguments that fail the zod
 * schema come back as `{ ok: false }` with an error the model can act on — never as an exception.
 */
export async function runToolCall(
  definitions: readonly StructuredToolInterface[],
  call: { name: string; arguments: string },
): Promise<ToolCallOutcome> {
  const definition = definitions.find((d) => d.name === call.name);
  if (!definition) {
    const names = definitions.map((d) => d.name).join(', ');
    return toolError(`Unknown tool "${call.name}". Available tools: ${names}.`);
  }
  let args: unknown;
  try {
    args = call.arguments.trim() === '' ? {} : JSON.parse(call.arguments);
  } catch {
    return toolError(`Arguments of ${call.name} are not valid JSON. Send a JSON object.`);
  }
  try {
    const output: unknown = await definition.invoke(args as Record<string, unknown>);
    return { ok: true, content: typeof output === 'string' ? output : json(output) };
  } catch (error) {
    if (error instanceof ToolInputParsingException) {
      return toolError(`Invalid arguments for ${call.name}: ${error.message}. Fix them and call again.`);
    }
    // A failing knowledge base is an outage, not the model's fault; the model may still answer.
    return toolError(`${call.name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function toolError(message: string): ToolCallOutcome {
  return { ok: false, content: json({ error: message }) };
}
