// The physics of one request, as pure functions. Every coefficient names its source; docs/methodology.md derives them.
//
// Base: EcoLogits 0.9.1 (GenAI Impact, MPL-2.0 — coefficients re-used as facts, code is ours), which fits the
// ML.ENERGY leaderboard (vLLM on H100 80 GB). Three corrections, each for a physical reason (methodology §2):
//  1. ML.ENERGY's energy per token is the energy of the WHOLE deployment: its benchmark client opens one ZeusMonitor
//     over every GPU of the server and divides the summed energy by all completion tokens
//     (github.com/ml-energy/leaderboard, benchmark_client.py). EcoLogits reads the fit as "one GPU" and multiplies
//     by the GPU count again — 16× for a 440B model. We do not multiply.
//  2. Mixture-of-experts: at batch ≥ 32 nearly every expert receives some token each decode step, so the per-step
//     weight streaming (the batch-amortised, parameter-proportional term of the fit) is paid on the weights actually
//     read — almost all of them — while the per-token constant stays. We feed the fit the expected weights read.
//  3. The rest of the server (CPU, DRAM, network, idle reserve) is a ratio to accelerator energy from a measured
//     fleet (Google 2025), replacing EcoLogits' latency×1.2 kW term, whose latency fit includes queueing time.

import type { MinTypMax } from '../types';

/** f_E(P, B) = α·exp(β·B)·P + γ  [Wh per output token, whole deployment]. ENERGY.md §1 (EcoLogits 0.9.1). */
export const FIT = Object.freeze({ alpha: 1.1665273e-6, beta: -1.1205921e-2, gamma: 4.0529281e-5 });

/**
 * Concurrent requests per deployment. EcoLogits fixes 64; production batch sizes are unpublished, so we take half to
 * double. Larger batches share each step's weight reads among more requests, so energy falls as B grows.
 */
export const BATCH: MinTypMax = Object.freeze({ min: 32, typical: 64, max: 128 });

/**
 * The batch sizes above are for chat-length sequences. A request's KV cache grows with its sequence length
 * (prompt + output), so at a fixed memory budget the number of concurrent requests shrinks in proportion beyond it —
 * ML.ENERGY v3 (Dec 2025) reports exactly this for reasoning outputs ("longer output sequences stress memory capacity
 * and prevent larger batch sizes, increasing energy per token"). Assumption: full batches up to 4,096 tokens of
 * context (ML.ENERGY's chat workload caps answers at 1,024 tokens), never below 8 concurrent requests.
 */
export const FULL_BATCH_CONTEXT = 4096;
export const MIN_BATCH = 8;

/** Concurrent requests for a sequence of `contextTokens` given the nominal batch. */
export function effectiveBatch(nominal: number, contextTokens: number): number {
  const scale = contextTokens > FULL_BATCH_CONTEXT ? FULL_BATCH_CONTEXT / contextTokens : 1;
  return Math.max(MIN_BATCH, nominal * scale);
}

/**
 * Non-accelerator energy as a share of accelerator energy. Google (Elsworth et al., arXiv 2508.15734, Aug 2025)
 * measured its serving fleet: accelerators 58 %, host CPU & DRAM 25 %, idle reserve machines 10 %, data-center
 * overhead 8 %. Host only: 25/58 = 0.43; host + idle: 35/58 = 0.60. Upper bound: an 8×H100 DGX draws up to 10.2 kW of
 * which the GPUs are 5.6 kW, i.e. 0.82 (NVIDIA DGX H100 datasheet); we use 0.8.
 */
export const SERVER_OVERHEAD: MinTypMax = Object.freeze({ min: 0.43, typical: 0.6, max: 0.8 });

/** Prefill energy per input token relative to one decoded token (assumption, ENERGY.md §2). */
export const K_INPUT: MinTypMax = Object.freeze({ min: 0.015, typical: 0.05, max: 0.3 });

/**
 * Attention work per prompt token grows with its position l (≈ 4·layers·d_model·l FLOPs) while weight work is
 * constant (≈ 2·P). For a ~100B-active transformer (≈100 layers, d_model ≈ 12k) the two are equal near l ≈ 40k tokens.
 * Averaged over a prompt of L tokens the prefill factor is 1 + L / (2·L0).
 */
export const LONG_PROMPT_L0 = 40_000;

/** Cached input tokens (prompt caching): energy share of an uncached token (assumption, ENERGY.md §2). */
export const CACHED_INPUT_ENERGY = 0.1;

/** Embodied carbon (ENERGY.md §1 step 8): 5,700 kgCO₂e per 8-GPU server without GPUs, 164 per H100, 3-year life. */
export const EMBODIED = Object.freeze({ serverKg: 5700, gpusPerServer: 8, gpuKg: 164, lifetimeSeconds: 3 * 365 * 24 * 3600 });

/**
 * Average H100 draw while serving, used to turn accelerator energy into GPU-seconds for the embodied share:
 * 0.7 × 700 W TDP (Oviedo et al. 2025 centre their node power on 0.7 × maximum).
 */
export const GPU_AVERAGE_WATTS = 490;

/** GPU memory for the deployment size (ENERGY.md §1 step 3): 1.2 × weights, 80 GB cards, power-of-two count. */
export function gpuCount(totalParamsB: number, weightBits = 16): number {
  const memoryGb = 1.2 * totalParamsB * (weightBits / 8);
  const cards = Math.max(1, Math.ceil(memoryGb / 80));
  return 2 ** Math.ceil(Math.log2(cards));
}

/**
 * Billions of 16-bit-equivalent weights streamed per decode step. Dense: all of them. MoE with active share s at batch
 * B: a token misses a given expert with probability (1 − s), so all B miss it with (1 − s)^B; the expected share read
 * is 1 − (1 − s)^B (= s, the active weights, for a single request). Lower precision streams proportionally fewer bytes (the fit was measured in BF16).
 */
export function weightsReadB(activeB: number, totalB: number, batch: number, weightBits = 16): number {
  const share = Math.min(1, activeB / totalB);
  const read = Math.max(activeB, totalB * (1 - (1 - share) ** batch));
  return read * (weightBits / 16);
}

/** Accelerator energy per decoded token of one request [Wh] (fit, corrections 1 and 2). */
export function decodeWhPerToken(activeB: number, totalB: number, batch: number, weightBits = 16): number {
  return FIT.alpha * Math.exp(FIT.beta * batch) * weightsReadB(activeB, totalB, batch, weightBits) + FIT.gamma;
}

/** Prefill cost of a prompt in decoded-token equivalents (before k_in): cached tokens at 10 %, long prompts super-linear. */
export function promptTokenEquivalents(inputTokens: number, cachedTokens: number): number {
  const total = Math.max(0, inputTokens);
  const cached = Math.min(Math.max(0, cachedTokens), total);
  const longFactor = 1 + total / (2 * LONG_PROMPT_L0);
  return (total - cached + CACHED_INPUT_ENERGY * cached) * longFactor;
}

/** Embodied kgCO₂e for a given accelerator energy, allocated by GPU-seconds of use (GPU + its share of the server). */
export function embodiedKg(acceleratorWh: number): number {
  const gpuSeconds = (acceleratorWh * 3600) / GPU_AVERAGE_WATTS;
  const perGpuKg = EMBODIED.serverKg / EMBODIED.gpusPerServer + EMBODIED.gpuKg;
  return (gpuSeconds / EMBODIED.lifetimeSeconds) * perGpuKg;
}

/**
 * Energy per image and per audio minute where no token model applies.
 * Images: Luccioni et al., "Power Hungry Processing" (FAccT 2024), measured image generation at 2.907 kWh per 1,000
 * images on average, up to 11.49 kWh for the most intensive model (SDXL); 1 Wh is our assumed lower bound for a
 * distilled production model. Measured IT energy (GPU+CPU+RAM), before PUE.
 * Audio: no published per-minute measurement for hosted speech models. Method: a Whisper-large-class model (1.55B)
 * needs ≈1–10 GPU-seconds per audio minute on a data-center GPU at ≈300 W plus host share → 0.02–0.5 Wh per minute
 * (assumption), same for speech synthesis per generated minute.
 */
export const IMAGE_WH: MinTypMax = Object.freeze({ min: 1.0, typical: 2.907, max: 11.49 });
export const AUDIO_WH_PER_MINUTE: MinTypMax = Object.freeze({ min: 0.02, typical: 0.1, max: 0.5 });
/** Audio length is not in the code: assumed per transcription call (assumption). */
export const AUDIO_MINUTES: MinTypMax = Object.freeze({ min: 0.5, typical: 1, max: 3 });
/** Speech synthesis: ≈ 900 characters per spoken minute (150 words × 6 characters), ≈ 4 characters per token. */
export const CHARS_PER_MINUTE = 900;
export const CHARS_PER_TOKEN = 4;
