// Writes src/core/tokens/tiktokenClasses.json: the Unicode character classes that tiktoken's own regex engine (Rust
// regex, inside tiktoken_bg.wasm) uses in the encodings' split patterns, as code point ranges. The counter splits
// text in JavaScript (src/core/tokens/piecePattern.ts); V8's \p{…} tables follow the runtime's newer Unicode, which
// classifies ~4,600 code points differently (newly assigned letters, U+0295 moved from Ll to Lo), so the split uses
// these ranges instead. Each class is read by asking tiktoken itself: an encoder whose pattern is just that class
// keeps exactly the matching characters of a text holding every code point. Run after upgrading tiktoken
// (`node scripts/tiktokenClasses.cjs`); test/unit/tokens.pieces.test.ts fails while the file is out of date.
// CommonJS so the unit test can require deriveClasses.
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { Tiktoken } = require('tiktoken');
const { bpe_ranks } = require('tiktoken/encoders/cl100k_base.json');

const { version } = JSON.parse(readFileSync(path.join(path.dirname(require.resolve('tiktoken')), 'package.json'), 'utf8'));
const OUT = path.join(__dirname, '..', 'src', 'core', 'tokens', 'tiktokenClasses.json');

/** Class name in the JSON → the Rust regex that defines it. */
const CLASSES = {
  L: '\\p{L}', Lu: '\\p{Lu}', Ll: '\\p{Ll}', Lt: '\\p{Lt}', Lm: '\\p{Lm}', Lo: '\\p{Lo}', M: '\\p{M}', N: '\\p{N}',
  White_Space: '\\s',
};

function deriveClasses() {
  let every = '';
  for (let cp = 0; cp < 0x110000; cp++) if (cp < 0xd800 || cp > 0xdfff) every += String.fromCodePoint(cp);
  const classes = {};
  for (const [name, regex] of Object.entries(CLASSES)) {
    const encoder = new Tiktoken(bpe_ranks, {}, regex);
    try {
      const kept = new TextDecoder().decode(encoder.decode(encoder.encode_ordinary(every)));
      const ranges = [];
      let previous = -2;
      for (const char of kept) {
        const cp = char.codePointAt(0);
        if (cp === previous + 1) ranges[ranges.length - 1][1] = cp;
        else ranges.push([cp, cp]);
        previous = cp;
      }
      classes[name] = ranges;
    } finally {
      encoder.free();
    }
  }
  return { tiktoken: version, classes };
}

module.exports = { deriveClasses, OUT };

if (require.main === module) {
  writeFileSync(OUT, `${JSON.stringify(deriveClasses())}\n`);
  console.log(`wrote ${OUT}`);
}
