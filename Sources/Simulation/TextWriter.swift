/// Writes issue-like English straight into a caller's buffer: clauses of Zipf-distributed words
/// ended by punctuation (sentences, paragraphs, lists), and among them numbers, versions,
/// identifiers, paths, flags, addresses and stack frames; titles, with a topic word; and the
/// padding that brings a text to its exact length.
///
/// Prose is not written here word by word for every issue: `ClausePool` holds clauses written
/// once per process by `clause`, and an issue's prose is a sequence of them. What is written here
/// per issue — a title, the padding — works on raw pointers with no `String`, allocation or
/// retain. Whatever does not fit is taken back to the last whole word, so text ends on a word
/// boundary; `fill` then pads to the exact length with words short enough to fit.
struct TextWriter {
    private let out: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    /// Bytes written so far.
    private(set) var count = 0
    /// Set by a `put` that did not fit; the writer then goes back to the last whole word.
    private var overflowed = false

    private let words: UnsafePointer<UInt8>
    private let refs: UnsafePointer<UInt32>
    private let layout: Vocabulary.Layout
    private let topic: Range<Int>

    /// A writer of at most `capacity` bytes at `out`, with words from `vocabulary` and topic words
    /// from `vocabulary.refs[topic]`. The `Vocabulary.longestWord` bytes after those must be
    /// writable too: a word that fits is copied with one 16-byte move whatever its length, which
    /// may write past the end of the text (see `put(word:)`).
    init(into out: UnsafeMutablePointer<UInt8>, capacity: Int, vocabulary: Vocabulary, topic: Range<Int>) {
        self.out = out
        self.capacity = capacity
        words = vocabulary.bytes.base
        refs = vocabulary.refs.base
        layout = vocabulary.layout
        self.topic = topic
    }

    // MARK: - Texts

    /// Writes one clause — 2 to 9 Zipf words, 58 % of the time followed by a special token, then
    /// punctuation — not capitalised. Returns whether the clause ends a sentence, or `nil` when it
    /// did not fit (and nothing is written).
    mutating func clause(using random: inout SeededRandom) -> Bool? {
        let start = count
        let draw = random.next()
        let wordCount = 2 + Int(draw & 7)
        var wordBits = random.next()
        for i in 0..<wordCount {
            if i > 0 { put(UInt8(ascii: " ")) }
            if i == 5 { wordBits = random.next() }  // 12 bits per word, 5 words per draw
            put(word: refs[zipfSlot(wordBits)])
            wordBits >>= 12
        }
        let special = UInt8(truncatingIfNeeded: draw >> 8)
        if special < 150 { self.special(special, bits: draw >> 24, using: &random) }
        let endsSentence = ending(UInt8(truncatingIfNeeded: draw >> 16), afterFrame: special >= 130 && special < 150)
        guard !overflowed else {
            count = start
            overflowed = false
            return nil
        }
        return endsSentence
    }

    /// Pads the buffer, of which the first `written` bytes are already text, to its exact
    /// capacity with words that fit — a Zipf word when it does, else one drawn among the words
    /// short enough — spaced as prose, and a final "." when one byte is left after a word.
    @inline(__always)  // once per text: a call would cost more than the few words it writes
    mutating func fill(after written: Int, using random: inout SeededRandom) {
        // A local copy writes, which stays in registers (see `title`).
        var writer = self
        writer.count = written
        while writer.count < capacity {
            let room = capacity - writer.count
            if writer.count > 0 && !Self.isSpace(out[writer.count - 1]) {
                writer.put(room == 1 ? UInt8(ascii: ".") : UInt8(ascii: " "))
                continue
            }
            let draw = random.next()
            let word = refs[zipfSlot(draw)]
            if Int(word & 0xFF) <= room {
                writer.put(word: word)
            } else {
                let choices = Int(refs[layout.fitting + min(room, layout.longest)])
                writer.put(word: refs[layout.byLength + SeededRandom.scale(draw >> 32, below: choices)])
            }
        }
        count = writer.count
    }

    /// Writes a title of `wordCount` words — plain words, one of them a topic word when there is
    /// a topic, and in one title in eight an identifier for the last — stopping early at the end
    /// of the buffer. Two random draws for the whole title, so it costs about as much as copying
    /// a clause.
    mutating func title(words wordCount: Int, using random: inout SeededRandom) {
        let plan = random.next()
        let topicAt = topic.isEmpty ? -1 : SeededRandom.scale(plan, below: wordCount)
        var wordBits = random.next()
        // One title in eight ends with an identifier (bits no word uses).
        let endsWithIdentifier = wordBits >> 61 == 0
        let plainWords = endsWithIdentifier ? wordCount - 1 : wordCount
        defer { capitalizeByte(at: 0) }
        // Each word is written with a space after it, which the next word follows and which is
        // dropped after the last, so that one check per word (does it fit?) covers both, where
        // `put` checked the space and the word apart; the writer's properties are read into
        // locals, which no store through `out` can change. 265 instructions a title instead of
        // 298 (callgrind, unlimited-fast virtual trial).
        let out = out, capacity = capacity, refs = refs, words = words
        let topical = topicAt < 0 ? 0 : topicWord(plan >> 32)
        var next = 0  // where the next word goes
        for i in 0..<plainWords {
            if i == 5 { wordBits = random.next() }  // 12 bits per word, 5 words per draw
            let zipf = refs[zipfSlot(wordBits)]  // read whatever the word: a select, not a branch
            let word = i == topicAt ? topical : zipf
            wordBits >>= 12
            let length = Int(word & 0xFF)
            guard next &+ length <= capacity else {
                count = max(next - 1, 0)
                return
            }
            Self.copy(word, from: words, to: out + next)
            out[next &+ length] = UInt8(ascii: " ")  // at most at `capacity`: in the margin
            next &+= length &+ 1
        }
        count = max(next - 1, 0)
        if endsWithIdentifier {
            let start = count
            put(UInt8(ascii: " "))
            // The draw for words 5 to 9, made at the sixth word whatever it is.
            if plainWords == 5 { _ = random.next() }
            identifier(random.next(), using: &random)
            if overflowed { count = start }
        }
    }

    // MARK: - Tokens

    /// A token after a clause's words, by `kind` (< 150): a number, an identifier, a path, a flag,
    /// an address or a stack frame.
    private mutating func special(_ kind: UInt8, bits: UInt64, using random: inout SeededRandom) {
        switch kind {
        case 0..<40:
            put(UInt8(ascii: " "))
            number(bits)
        case 40..<80:
            put(UInt8(ascii: " "))
            identifier(bits, using: &random)
        case 80..<100:
            put(UInt8(ascii: " "))
            path(bits, using: &random)
        case 100..<115:
            put(UInt8(ascii: " "))
            flag(bits)
        case 115..<130:
            put(UInt8(ascii: " "))
            address(bits)
        default:
            stackFrame(using: &random)
        }
    }

    /// Punctuation that ends a clause, from one random byte (a line break after a stack frame);
    /// returns whether a sentence starts.
    private mutating func ending(_ byte: UInt8, afterFrame: Bool) -> Bool {
        if afterFrame {
            put(UInt8(ascii: "\n"))
            return true
        }
        switch byte {
        case 0..<90: put(", "); return false
        case 90..<190: put(". "); return true
        case 190..<215: put(".\n\n"); return true
        case 215..<228: put("? "); return true
        case 228..<241: put(":\n"); return false
        default: put(UInt8(ascii: "\n")); return true
        }
    }

    /// A topic word (the writer has a topic), picked by the low 32 bits of `bits`.
    private func topicWord(_ bits: UInt64) -> UInt32 {
        refs[topic.lowerBound + SeededRandom.scale(bits, below: topic.count)]
    }

    /// "42", "v1.12.3", "65536", "250ms".
    private mutating func number(_ bits: UInt64) {
        switch bits & 3 {
        case 0:
            decimal((bits >> 2) % 100)
        case 1:
            if bits & 4 != 0 { put(UInt8(ascii: "v")) }
            decimal((bits >> 3) % 4)
            put(UInt8(ascii: "."))
            decimal((bits >> 5) % 20)
            put(UInt8(ascii: "."))
            decimal((bits >> 10) % 10)
        case 2:
            decimal((bits >> 2) % 100_000)
        default:
            decimal((bits >> 2) % 1000)
            switch (bits >> 12) % 4 {
            case 0: put("ms")
            case 1: put("MB")
            case 2: put("s")
            default: put("%")
            }
        }
    }

    /// "request_handler", "connectionPool", "cache.size", "parse()", optionally in backticks.
    private mutating func identifier(_ bits: UInt64, using random: inout SeededRandom) {
        let quoted = bits & 4 != 0
        if quoted { put(UInt8(ascii: "`")) }
        put(word: technicalWord(using: &random))
        switch bits & 3 {
        case 0:
            put(UInt8(ascii: "_"))
            put(word: technicalWord(using: &random))
        case 1:
            let second = count
            put(word: technicalWord(using: &random))
            capitalizeByte(at: second)
        case 2:
            put(UInt8(ascii: "."))
            put(word: technicalWord(using: &random))
        default:
            put("()")
        }
        if quoted { put(UInt8(ascii: "`")) }
    }

    /// "src/cache/handler.swift:118".
    private mutating func path(_ bits: UInt64, using random: inout SeededRandom) {
        put("src/")
        put(word: technicalWord(using: &random))
        put(UInt8(ascii: "/"))
        put(word: technicalWord(using: &random))
        put(UInt8(ascii: "."))
        put(word: refs[layout.extensions.lowerBound + Int(bits % UInt64(layout.extensions.count))])
        put(UInt8(ascii: ":"))
        decimal((bits >> 8) % 2000 + 1)
    }

    /// "--verbose".
    private mutating func flag(_ bits: UInt64) {
        put("--")
        put(word: refs[layout.technical.lowerBound + Int(bits % UInt64(layout.technical.count))])
    }

    /// "0x00007f3a9c21": twelve hex digits, as a pointer in a crash report.
    private mutating func address(_ bits: UInt64) {
        guard count + 14 <= capacity else { return overflow() }
        put("0x")
        let digits: StaticString = "0123456789abcdef"
        for shift in stride(from: 44, through: 0, by: -4) {
            out[count] = digits.utf8Start[Int((bits >> UInt64(shift)) & 0xF)]
            count += 1
        }
    }

    /// "\n    at Parser.parse (cache.swift:88)", a line of a stack trace.
    private mutating func stackFrame(using random: inout SeededRandom) {
        let bits = random.next()
        put("\n    at ")
        let type = count
        put(word: technicalWord(using: &random))
        capitalizeByte(at: type)
        put(UInt8(ascii: "."))
        put(word: technicalWord(using: &random))
        put(" (")
        put(word: technicalWord(using: &random))
        put(UInt8(ascii: "."))
        put(word: refs[layout.extensions.lowerBound + Int(bits % UInt64(layout.extensions.count))])
        put(UInt8(ascii: ":"))
        decimal((bits >> 8) % 900 + 10)
        put(UInt8(ascii: ")"))
    }

    // MARK: - Bytes

    /// The Zipf word slot in the low 12 bits of `bits`.
    private func zipfSlot(_ bits: UInt64) -> Int {
        Int(truncatingIfNeeded: bits) & (Vocabulary.Layout.zipfSlots - 1)
    }

    private func technicalWord(using random: inout SeededRandom) -> UInt32 {
        refs[layout.technical.lowerBound + random.next(below: layout.technical.count)]
    }

    private mutating func overflow() { overflowed = true }

    /// Copies a vocabulary word with one unaligned 16-byte move, whatever its length: words are
    /// at most 16 bytes, the vocabulary is padded so that the load stays inside it, and the
    /// buffer has `Vocabulary.longestWord` writable bytes past `capacity` for the store. A
    /// `memcpy` call, or a byte loop near the end of the text, would cost more than the copy.
    @inline(__always)
    private mutating func put(word ref: UInt32) {
        let length = Int(ref & 0xFF)
        guard count + length <= capacity else { return overflow() }
        Self.copy(ref, from: words, to: out + count)
        count += length
    }

    /// The 16-byte move of `put(word:)`: word `ref` of `words` to `target`.
    @inline(__always)
    private static func copy(_ ref: UInt32, from words: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) {
        let source = UnsafeRawPointer(words + Int(ref >> 8))
        UnsafeMutableRawPointer(target).storeBytes(of: source.loadUnaligned(as: SIMD16<UInt8>.self),
                                                   as: SIMD16<UInt8>.self)
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        guard count < capacity else { return overflow() }
        out[count] = byte
        count += 1
    }

    /// Copies a short literal byte by byte: cheaper than a `memcpy` call for 2 to 8 bytes.
    @inline(__always)
    private mutating func put(_ literal: StaticString) {
        let length = literal.utf8CodeUnitCount
        guard count + length <= capacity else { return overflow() }
        let bytes = literal.utf8Start
        for i in 0..<length { out[count + i] = bytes[i] }
        count += length
    }

    /// Writes `value` in decimal.
    private mutating func decimal(_ value: UInt64) {
        var digits = 1
        var rest = value / 10
        while rest > 0 { digits += 1; rest /= 10 }
        guard count + digits <= capacity else { return overflow() }
        rest = value
        for i in stride(from: count + digits - 1, through: count, by: -1) {
            out[i] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += digits
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n")
    }

    /// Upper-cases an ASCII letter at `index`, if there is one.
    private func capitalizeByte(at index: Int) {
        guard index < count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(out[index]) else { return }
        out[index] -= 0x20  // ASCII upper case is 32 below lower case
    }
}
