#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// The label an analysis picks for an issue.
public enum Label: UInt8, CaseIterable, Sendable, Codable {
    case bug, feature, documentation, question, performance, security, triage

    public var name: String { "\(self)" }
}

/// What an engine delivers for one issue: a pure function of the issue and its comments.
public struct IssueResult: Sendable, Equatable {
    public var id: IssueID
    public var label: Label
    public var score: Int32
    /// A hash of every token the analysis read, so a result computed from the wrong or a partial
    /// text does not match.
    public var fingerprint: UInt64

    public init(id: IssueID, label: Label, score: Int32, fingerprint: UInt64) {
        self.id = id
        self.label = label
        self.score = score
        self.fingerprint = fingerprint
    }
}

/// The one analysis every engine runs and the harness re-runs to verify: tokenise, score each
/// label by keyword weights, pick the best. Its cost is real CPU work proportional to the text.
///
/// It runs once per issue in the engine and once more in the verifier, so it is written for
/// speed. A byte-at-a-time tokeniser mispredicts a branch at every token boundary and runs a
/// multiply per byte; this one copies the text (a title and a body together, when they fit) into
/// a zero-padded scratch buffer on the stack, folds it 8 bytes at a time into the fingerprint,
/// classifies it 16 bytes at a time into a bit mask of token bytes with SSE2 compares (no branch
/// per byte), and walks the tokens of 3 bytes or more with trailing-zero counts, looking each up
/// by its first 16 bytes with no branch on what it holds. The keyword table is read through a
/// pointer taken once per call: no allocation, no retain, no bounds check per byte. On the
/// unlimited-fast workload (a title of a few dozen bytes and a 200-byte body) it runs about 1,620
/// instructions per issue (callgrind, over a 20,000-issue virtual-clock trial), and takes less
/// time than the 1,360 of the branchy lookup it replaced (see `KeywordTable.Probe.tally`). Scanning
/// the title and the body apart and classifying 8 bytes at a time with carry-free arithmetic took
/// 1,830; folding and classifying each word in one pass, walking every token and checking each
/// read against the text's end, 3,390.
public enum Analysis {
    /// Analyses an issue. `comments` must be exactly the comments the work plan says to read
    /// (empty when comments are not read).
    public static func analyze(_ issue: Issue, comments: [Comment]) -> IssueResult {
        table.withProbe { probe in
            var state = State(seed: UInt64(truncatingIfNeeded: issue.id), probe: probe)
            state.scan(issue.title, then: issue.body)
            for comment in comments { state.scan(comment.body) }
            return state.result(id: issue.id)
        }
    }

    /// The comment a `comment` write posts: derived from the result so that the API can check it.
    public static func commentBody(for result: IssueResult) -> [UInt8] {
        Array("issuebench: labelled \(result.label.name), score \(result.score)".utf8)
    }

    // MARK: - Keywords

    /// Keyword → (label, weight). The simulated corpus draws from a vocabulary that contains these.
    static let keywords: [(String, Label, Int32)] = [
        ("crash", .bug, 5), ("error", .bug, 3), ("broken", .bug, 4), ("regression", .bug, 4),
        ("exception", .bug, 3), ("fails", .bug, 3), ("panic", .bug, 4),
        ("feature", .feature, 4), ("support", .feature, 2), ("add", .feature, 1), ("proposal", .feature, 3),
        ("enhancement", .feature, 4),
        ("docs", .documentation, 4), ("readme", .documentation, 3), ("typo", .documentation, 3),
        ("example", .documentation, 2),
        ("how", .question, 2), ("why", .question, 2), ("question", .question, 4), ("help", .question, 2),
        ("slow", .performance, 4), ("latency", .performance, 3), ("memory", .performance, 3),
        ("throughput", .performance, 4), ("leak", .performance, 3),
        ("security", .security, 5), ("vulnerability", .security, 5), ("token", .security, 2),
        ("injection", .security, 4),
    ]

    /// The keyword table, built once per process.
    static let table = KeywordTable(keywords)

    // MARK: - Scanning

    /// What the analysis has seen so far of one issue.
    struct State {
        let probe: KeywordTable.Probe
        /// Two fingerprint lanes (even and odd words), so that folding a word waits for the
        /// one two words back, not the one before.
        var even: UInt64
        var odd: UInt64
        /// One score per label except `.triage`, which is what no keyword at all gives; lanes
        /// past the last label stay 0.
        var scores = SIMD8<Int32>()

        init(seed: UInt64, probe: KeywordTable.Probe) {
            self.probe = probe
            even = seed &* 0x9E37_79B9_7F4A_7C15
            odd = ~even
        }

        /// Folds every byte of `text` and its length into the fingerprint, and adds the weight of
        /// each keyword among its tokens (runs of ASCII letters and digits, compared lower-cased).
        mutating func scan(_ text: [UInt8]) {
            text.withUnsafeBufferPointer { buffer in
                guard let bytes = buffer.baseAddress else { return }
                Analysis.scan(bytes, count: buffer.count, probe: probe, even: &even, odd: &odd, scores: &scores)
            }
            even = Analysis.mix(even ^ UInt64(text.count))
        }

        /// `scan(first)` then `scan(second)`, in one pass when both fit in one scratch copy, as a
        /// title and a body nearly always do (see `Analysis.scan(_:then:probe:even:odd:scores:)`).
        mutating func scan(_ first: [UInt8], then second: [UInt8]) {
            guard Analysis.fitTogether(first.count, second.count) else {
                scan(first)
                scan(second)
                return
            }
            first.withUnsafeBytes { first in
                second.withUnsafeBytes { second in
                    Analysis.scan(first, then: second, probe: probe, even: &even, odd: &odd, scores: &scores)
                }
            }
        }

        func result(id: IssueID) -> IssueResult {
            var best = 0
            var total: Int32 = 0
            for i in 0..<Label.allCases.count - 1 {
                if scores[i] > scores[best] { best = i }
                total &+= scores[i]
            }
            // No keyword at all: the issue needs a human.
            let label = scores[best] == 0 ? Label.triage : Label(rawValue: UInt8(best))!
            let fingerprint = Analysis.mix(Analysis.mix(even ^ 0xD6E8_FEB8_6659_FD93) ^ odd)
            return IssueResult(id: id, label: label, score: total, fingerprint: fingerprint)
        }
    }

    /// Bytes a scan copies into its scratch at a time: whole 64-byte blocks, so that words keep
    /// their lanes and bytes their bits in a block's mask from one copy to the next, and few
    /// enough that with the padding and the masks the scratch stays within the 1 KiB that
    /// `withUnsafeTemporaryAllocation` always takes from the stack (1,032 bytes took a malloc).
    static let copyBytes = 13 * 64

    /// Words of zeros written from the word that holds a text's last byte on: the rest of that
    /// word and of its 64-byte block, which are classified whole, and the 16 bytes after the
    /// block that a lookup from a token in it may read.
    static let zeroWords = 10

    /// Words of scratch: the copy and the zeros that may follow its last word, then one token
    /// mask per block.
    static let scratchWords = copyBytes / 8 + zeroWords - 1 + copyBytes / 64

    /// Whether texts of `first` and `second` bytes fit in one scratch copy, the second starting
    /// at the word after the first's last byte (see `scan(_:then:probe:even:odd:scores:)`).
    static func fitTogether(_ first: Int, _ second: Int) -> Bool {
        gap(after: first) &* 8 &+ second <= copyBytes
    }

    /// The word where a text that follows one of `count` bytes in the scratch starts: at least
    /// one zero byte after it, so that no token runs from one text into the other.
    @inline(__always)
    static func gap(after count: Int) -> Int {
        (count &+ 8) &>> 3
    }

    /// The `count` bytes at `text`, copied `copyBytes` at a time into a scratch buffer with zeros
    /// after them: the copy's words folded into the fingerprint, classified 64 at a time into
    /// token masks, then each block's tokens found by trailing-zero counts, a token that runs on
    /// past a block carried over. The copy lets every word and every lookup read whole words,
    /// with no check for the text's end; only a token that runs on from one copy into the next is
    /// read from the text itself. Everything the loops touch is a local, so that it stays in
    /// registers.
    @inline(__always)
    static func scan(_ text: UnsafePointer<UInt8>, count: Int, probe: KeywordTable.Probe,
                     even: inout UInt64, odd: inout UInt64, scores: inout SIMD8<Int32>) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: scratchWords) { scratch in
            let copy = scratch.baseAddress!
            var (a, b) = (even, odd)
            var walk = Walk(probe: probe, scores: scores, masks: copy + (scratchWords - copyBytes / 64))
            var base = 0  // where in the text the copy starts
            var copied = 0  // bytes in the copy
            while base &+ copied < count {
                base &+= copied
                copied = min(count &- base, copyBytes)
                place(UnsafeRawBufferPointer(start: text + base, count: copied), at: copy)
                fold(copy, bytes: copied, &a, &b, by: probe.mixer)
                walk.tokens(in: copy, copied: copied, base: base, of: text, count: count)
            }
            walk.finish(copy, base: base, of: text, count: count)
            (even, odd, scores) = (a, b, walk.scores)
        }
    }

    /// `scan` of `first` then of `second` (each followed by its length in the fingerprint), when
    /// both fit in one copy: the second is placed after the first with a zero byte or more between
    /// them, and the tokens of both are classified and walked as those of one text, the scratch.
    /// A title scanned on its own paid for a scratch, a copy call, the classifier's set-up and a
    /// walk of its own: most of the 406 instructions an issue its scan cost.
    @inline(__always)
    static func scan(_ first: UnsafeRawBufferPointer, then second: UnsafeRawBufferPointer,
                     probe: KeywordTable.Probe, even: inout UInt64, odd: inout UInt64,
                     scores: inout SIMD8<Int32>) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: scratchWords) { scratch in
            let copy = scratch.baseAddress!
            var (a, b) = (even, odd)
            place(first, at: copy)
            fold(copy, bytes: first.count, &a, &b, by: probe.mixer)
            a = mix(a ^ UInt64(first.count), by: probe.mixer)
            let start = gap(after: first.count)
            place(second, at: copy + start)
            fold(copy + start, bytes: second.count, &a, &b, by: probe.mixer)
            a = mix(a ^ UInt64(second.count), by: probe.mixer)
            let count = start &* 8 &+ second.count
            let text = UnsafeRawPointer(copy).assumingMemoryBound(to: UInt8.self)
            var walk = Walk(probe: probe, scores: scores, masks: copy + (scratchWords - copyBytes / 64))
            walk.tokens(in: copy, copied: count, base: 0, of: text, count: count)
            walk.finish(copy, base: 0, of: text, count: count)
            (even, odd, scores) = (a, b, walk.scores)
        }
    }

    /// Copies `text` (at most `copyBytes`) to `target`, after zeros from the word that will hold
    /// its last byte to `zeroWords` on.
    @inline(__always)
    static func place(_ text: UnsafeRawBufferPointer, at target: UnsafeMutablePointer<UInt64>) {
        (target + (max(text.count &- 1, 0) &>> 3)).initialize(repeating: 0, count: zeroWords)
        if let bytes = text.baseAddress { UnsafeMutableRawPointer(target).copyMemory(from: bytes, byteCount: text.count) }
    }

    /// Folds the words of a text of `bytes` bytes at `words` (the last one padded with zeros)
    /// into the fingerprint lanes, alternately.
    @inline(__always)
    static func fold(_ words: UnsafePointer<UInt64>, bytes: Int, _ a: inout UInt64, _ b: inout UInt64,
                     by mixer: UInt64) {
        let count = (bytes &+ 7) &>> 3
        var at = 0
        while at &+ 1 < count {
            a = mix(a ^ UInt64(littleEndian: words[at]), by: mixer)
            b = mix(b ^ UInt64(littleEndian: words[at &+ 1]), by: mixer)
            at &+= 2
        }
        if at < count { a = mix(a ^ UInt64(littleEndian: words[at]), by: mixer) }
    }

    /// The tokens of one scratch copy after another: classified into masks, walked, and looked up.
    struct Walk {
        let probe: KeywordTable.Probe
        var scores: SIMD8<Int32>
        /// Where the copy's token masks go, one per block.
        let masks: UnsafeMutablePointer<UInt64>
        /// Where (in the text) a token that runs on from the previous block started, or -1.
        var carried = -1
        /// 1 when the byte before the block is a token byte.
        var previous: UInt64 = 0

        /// Looks up the tokens of the `copied` bytes at `copy`, followed by zeros: the text's
        /// bytes from `base` on, of `count` in all at `text`, which is read only for a token
        /// that started in an earlier copy.
        @inline(__always)
        mutating func tokens(in copy: UnsafeMutablePointer<UInt64>, copied: Int, base: Int,
                             of text: UnsafePointer<UInt8>, count: Int) {
            let blocks = (copied &+ 63) &>> 6
            tokenMasks(copy, blocks: blocks, into: masks)
            var bytes = UnsafeRawPointer(copy)  // the block's first byte
            for mask in UnsafeBufferPointer(start: masks, count: blocks) {
                defer { bytes += 64 }
                let gaps = ~mask  // bit i: byte i is no token byte
                // The block's weights, one byte per label (see `KeywordTable.entries`).
                var tally: UInt64 = 0
                if carried >= 0 {
                    if gaps == 0 { continue }
                    let length = base &+ (bytes - UnsafeRawPointer(copy)) &+ gaps.trailingZeroBitCount &- carried
                    tally = carried >= base
                        ? probe.lookup(UnsafeRawPointer(copy) + (carried &- base), length: length)
                        : probe.lookup(text, at: carried, length: length, count: count)
                    carried = -1
                }
                // Tokens start where a token byte follows none (bit i of `follows`: byte
                // i − 1 is a token byte). One with fewer than 3 bytes in the block either
                // ends in it, shorter than any keyword (see `KeywordTable.lengths`), or runs
                // on and is `carried` below: skipped, without a look at where it ends.
                let follows = mask &<< 1 | previous
                var starts = mask & ~follows & mask &>> 1 & mask &>> 2
                previous = mask &>> 63
                while starts != 0 {
                    let start = starts.trailingZeroBitCount
                    starts &= starts &- 1
                    // 64 for the token that runs on past the block: longer than any keyword.
                    tally &+= probe.lookup(inBlock: bytes + start, length: (gaps &>> UInt64(start)).trailingZeroBitCount)
                }
                add(tally)
                // The token that runs on starts after the last gap (at 0 if there is none). A
                // select, not a branch: whether a block ends inside a word is a coin toss.
                let runsOn = base &+ (bytes - UnsafeRawPointer(copy)) &+ 64 &- gaps.leadingZeroBitCount
                carried = previous != 0 ? runsOn : -1
            }
        }

        /// Looks up the token that runs on to the end of the text, if one does.
        @inline(__always)
        mutating func finish(_ copy: UnsafeMutablePointer<UInt64>, base: Int, of text: UnsafePointer<UInt8>, count: Int) {
            guard carried >= 0 else { return }
            add(carried >= base
                ? probe.lookup(UnsafeRawPointer(copy) + (carried &- base), length: count &- carried)
                : probe.lookup(text, at: carried, length: count &- carried, count: count))
        }

        /// Adds a tally of at most one block's lookups (one byte per label) to `scores`.
        @inline(__always)
        mutating func add(_ tally: UInt64) {
            scores &+= SIMD8<Int32>(truncatingIfNeeded: unsafeBitCast(tally, to: SIMD8<UInt8>.self))
        }
    }

    /// Writes the token mask of each of the `blocks` 64-byte blocks at `text` to `masks`: bit i
    /// set when byte i is an ASCII letter or digit, 16 bytes at a time (see `tokenBits`).
    /// Out of line, so that its constants are loaded once per call and have the registers to
    /// themselves. 54 instructions a block on x86-64; gathering the bits with multiplies (the
    /// portable path) took 92, and the 8-bytes-at-a-time arithmetic before that 137.
    @inline(never)
    static func tokenMasks(_ text: UnsafePointer<UInt64>, blocks: Int, into masks: UnsafeMutablePointer<UInt64>) {
        var (block, masks, blocks) = (UnsafeRawPointer(text), masks, blocks)
        while blocks > 0 {
            var mask: UInt64 = 0
            for k in 0..<4 { mask |= tokenBits(block + 16 &* k) &<< UInt64(16 &* k) }
            masks.pointee = mask
            (block, masks, blocks) = (block + 64, masks + 1, blocks &- 1)
        }
    }

    /// The 16 bytes at `bytes` classified: bit i set when byte i is an ASCII letter or digit.
    ///
    /// SSE2 compares only signed bytes: adding 0x1F to a byte with 0x20 set (ASCII upper to lower
    /// case) takes the letters 0x61...0x7A, and only them, to -128...-103; adding 0x50 takes the
    /// digits 0x30...0x39, and only them, to -128...-119. The operands are typed one by one:
    /// written as one expression, the compares resolve to `SIMD`'s generic lane-by-lane `.<`.
    /// On x86-64 one `pmovmskb` (Clang's intrinsic, from the toolchain's own headers) gathers the
    /// 16 compare results into bits; Swift's SIMD types have no such operation, and elsewhere a
    /// multiply gathers each 8 of them (see `highBits`).
    @inline(__always)
    static func tokenBits(_ bytes: UnsafeRawPointer) -> UInt64 {
        let v = bytes.loadUnaligned(as: SIMD16<Int8>.self)
        let letters: SIMD16<Int8> = (v | SIMD16(repeating: 0x20)) &+ SIMD16(repeating: 0x1F)
        let digits: SIMD16<Int8> = v &+ SIMD16(repeating: 0x50)
        let letter = letters .< SIMD16<Int8>(repeating: -128 + 26)
        let digit = digits .< SIMD16<Int8>(repeating: -128 + 10)
        #if arch(x86_64)
        return UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(unsafeBitCast(letter .| digit, to: __m128i.self))))
        #else
        let words = unsafeBitCast(letter .| digit, to: SIMD2<UInt64>.self)
        return highBits(words[0]) | highBits(words[1]) &<< 8
        #endif
    }

    #if !arch(x86_64)
    /// The high bit of each byte of `x` (byte i little-endian, bit i): a multiply gathers them
    /// into the top byte (bit 7 of byte i lands on bit 56 + i, and no two partial products meet).
    @inline(__always)
    static func highBits(_ x: UInt64) -> UInt64 {
        ((x & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) &>> 56
    }
    #endif

    /// The fingerprint's multiplier.
    static let mixer: UInt64 = 0xff51_afd7_ed55_8ccd

    /// One fingerprint step: a multiply by an odd constant (a bijection that spreads low bits
    /// up) and a rotation (that brings high bits down for the next step). The scan loop passes
    /// `mixer` read through the probe, where the optimiser does not see a constant: with a
    /// constant it folds the rotation's left shift into a second multiply, five instructions
    /// where a multiply and a rotate are two.
    @inline(__always)
    static func mix(_ x: UInt64, by multiplier: UInt64 = mixer) -> UInt64 {
        let m = x &* multiplier
        return m &<< 23 | m &>> 41
    }

    /// 8 bytes at `bytes`, byte 0 lowest.
    @inline(__always)
    static func load(_ bytes: UnsafeRawPointer) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
    }

    /// Up to 8 bytes from `at` of a text of `count` bytes, as `load` would give them, with zeros
    /// after the text's end (all zeros from `at` = `count` on). Out of line: only a token that
    /// runs on from one copy into the next is read from the text.
    @inline(never)
    static func word(_ text: UnsafePointer<UInt8>, at: Int, count: Int) -> UInt64 {
        var word: UInt64 = 0
        for i in 0..<min(max(count - at, 0), 8) { word |= UInt64(text[at + i]) << UInt64(8 * i) }
        return word
    }
}

extension Analysis {
    /// The keywords in 256 slots, each alone in the slot that a multiply-shift hash of its first
    /// 8 bytes picks (the multiplier is searched for when the table is built), slot 0 left empty:
    /// a token is looked up with two loads, two ANDs, a multiply and two compares, and no branch.
    struct KeywordTable: Sendable {
        static let size = 256
        /// Keyword lengths. A token shorter than 3 bytes is not looked up by the scan, so the
        /// shortest keyword must have at least 3; no keyword may have more than 16 (see `masks`).
        static let lengths = 3...13
        /// The longest token a block's walk looks up: 64 bytes, one that runs on past the block.
        static let blockLength = 64
        /// `firsts` and `seconds` (`size` each), `entries` (twice `size`), then `masks` and
        /// `secondMasks` (one per length up to `blockLength`), in one array so that a probe holds
        /// one pointer.
        private var words = [UInt64](repeating: 0, count: 4 * size + 2 * (blockLength + 1))
        private var multiplier: UInt64 = 0
        /// `Analysis.mixer`, handed to the scan loop through the probe (see `Analysis.mix`).
        private let mixer = Analysis.mixer

        /// Where each part of `words` starts. `firsts`: the slot's keyword's first 8 bytes
        /// case-folded (see `masks`), zeros after its end; 0 for an empty slot. `seconds`: its
        /// bytes 8..<16 the same way. `entries`: the keyword's tally, its weight in the byte of its
        /// label (`weight << 8 * label`), 0 for an empty slot and all through the second half
        /// (see `Probe.tally`). A block's tallies are summed in one register and added to the
        /// scores once: at most 17 lookups (one token carried in, 16 that start in the block with
        /// 3 bytes or more and a gap), so weights of at most 15 cannot carry into the next label's
        /// byte. Adding each weight to a score in memory made every lookup wait for the last one
        /// that landed on the same label. `masks`: by length, the bits a token of that length
        /// keeps of its first 8 bytes: those of its own bytes but bit 5, so that one AND both
        /// drops the bytes after it and folds case (letters to upper case, digits to
        /// 0x10...0x19: none to 0); 0 for a length outside `lengths`. `secondMasks`: the same
        /// for bytes 8..<16.
        ///
        /// So a token matches a keyword's words only if it has the keyword's bytes and length: its
        /// bytes fold to non-zero ones and both sides have zeros after their last byte. A token of
        /// a length outside `lengths` reads as two zero words, which hash to slot 0, kept empty:
        /// it adds a weight of 0.
        static let firsts = 0, seconds = size, entries = 2 * size, masks = 4 * size
        static let secondMasks = masks + blockLength + 1

        init(_ keywords: [(String, Label, Int32)]) {
            /// The fold mask of a token's bytes `from..<length` that fall in the word at `from`.
            func mask(_ length: Int, from: Int) -> UInt64 {
                let bytes = min(max(length - from, 0), 8)
                return 0xDFDF_DFDF_DFDF_DFDF & (bytes == 8 ? ~0 : (1 << UInt64(8 * bytes)) - 1)
            }
            for length in Self.lengths {
                words[Self.masks + length] = mask(length, from: 0)
                words[Self.secondMasks + length] = mask(length, from: 8)
            }
            let parsed = keywords.map { word, label, weight in
                let bytes = Array(word.utf8)
                precondition(Self.lengths.contains(bytes.count)
                              && bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) },
                              "keyword '\(word)': \(Self.lengths) lower-case ASCII letters and digits")
                precondition((0...15).contains(weight) && label != .triage, "keyword '\(word)': a weight of 0...15, not triage")
                return (first: Self.folded(bytes, from: 0), second: Self.folded(bytes, from: 8),
                        entry: UInt64(weight) << (8 * UInt64(label.rawValue)))
            }
            // A token is hashed by its first 8 bytes alone, so no two keywords may share them.
            precondition(Set(parsed.map(\.first)).count == parsed.count, "keywords that share their first 8 bytes")
            // Odd multipliers from a fixed sequence; with 29 keywords in 255 slots about one in
            // six places every keyword alone.
            let candidates = (UInt64(1)...10_000).lazy.map { $0 &* 0x9E37_79B9_7F4A_7C15 | 1 }
            guard let multiplier = candidates.first(where: { multiplier in
                let slots = Set(parsed.map { Self.slot($0.first, multiplier: multiplier) })
                return slots.count == parsed.count && !slots.contains(0)
            }) else { preconditionFailure("no collision-free keyword table for \(keywords.count) keywords") }
            self.multiplier = multiplier
            for keyword in parsed {
                let slot = Self.slot(keyword.first, multiplier: multiplier)
                words[Self.firsts + slot] = keyword.first
                words[Self.seconds + slot] = keyword.second
                words[Self.entries + slot] = keyword.entry
            }
        }

        /// Bytes `from..<from + 8` of a keyword, case-folded, byte 0 lowest, zeros past its end.
        private static func folded(_ bytes: [UInt8], from: Int) -> UInt64 {
            bytes.dropFirst(from).prefix(8).reversed().reduce(0) { $0 << 8 | UInt64($1 & 0xDF) }
        }

        @inline(__always)
        static func slot(_ first: UInt64, multiplier: UInt64) -> Int {
            Int(truncatingIfNeeded: (first &* multiplier) &>> 56)
        }

        /// Runs `body` with a pointer into the table, valid for the call.
        func withProbe<R>(_ body: (Probe) -> R) -> R {
            words.withUnsafeBufferPointer { words in
                body(Probe(words: words.baseAddress!, multiplier: multiplier, mixer: mixer))
            }
        }

        /// The table seen through a pointer: no retain or bounds check per lookup.
        struct Probe {
            let words: UnsafePointer<UInt64>
            let multiplier: UInt64
            let mixer: UInt64

            /// `lookup(token, length:)` for a token found within a block (`length` at most
            /// `blockLength`), with no check of its length.
            @inline(__always)
            func lookup(inBlock token: UnsafeRawPointer, length: Int) -> UInt64 {
                tally(length: length) { Analysis.load(token + $0) }
            }

            /// The `length`-byte token at `token`'s weight as a tally (see `entries`): 0 if it is
            /// no keyword. 16 bytes from `token` may be read.
            @inline(__always)
            func lookup(_ token: UnsafeRawPointer, length: Int) -> UInt64 {
                guard length <= KeywordTable.lengths.upperBound else { return 0 }
                return tally(length: length) { Analysis.load(token + $0) }
            }

            /// `lookup` for the token `text[at..<at + length]` of a text of `count` bytes, read
            /// byte by byte.
            func lookup(_ text: UnsafePointer<UInt8>, at: Int, length: Int, count: Int) -> UInt64 {
                guard length <= KeywordTable.lengths.upperBound else { return 0 }
                return tally(length: length) { Analysis.word(text, at: at + $0, count: count) }
            }

            /// The weight of the `length`-byte token (`length` at most `blockLength`) whose bytes
            /// `from..<from + 8` `read` gives (from 0 and 8) as a tally (see `entries`), 0 if it
            /// is no keyword (see `KeywordTable.masks`), with no branch: whether a token is a
            /// keyword, or starts like one, is as good as random, and the branches that sifted
            /// tokens by length and first byte and then compared their words were mispredicted
            /// some 20 times an issue (callgrind's branch simulation, unlimited-fast). Without them
            /// the analysis runs more instructions (a 20,000-issue virtual-clock trial 84.4 M ->
            /// 88.4 M) and takes less time: the trial's CPU time per request fell 12 % (medians of
            /// 30 alternated pairs), and 8 % more once the tallies were summed in a register.
            @inline(__always)
            private func tally(length: Int, read: (Int) -> UInt64) -> UInt64 {
                let first = read(0) & words[KeywordTable.masks &+ length]
                let second = read(8) & words[KeywordTable.secondMasks &+ length]
                let slot = KeywordTable.slot(first, multiplier: multiplier)
                let miss = (words[KeywordTable.firsts &+ slot] ^ first) | (words[KeywordTable.seconds &+ slot] ^ second)
                // The tally from the second half of `entries`, all zeros, if the words differ: an
                // address that depends on the outcome. Written `miss == 0 ? entry : 0` (with any
                // arithmetic for the select), the optimiser moved the load of `entry` behind a branch.
                let other = Int(truncatingIfNeeded: (miss | (0 &- miss)) &>> 63)
                return words[KeywordTable.entries &+ slot &+ other &* KeywordTable.size]
            }
        }
    }
}
