/// How often each request was made: one byte per (issue, per-issue kind) and per listing page.
///
/// A byte holds whether the request arrived before (bit 7: the next arrival is a retry) and how
/// many times it got through the limits (bits 0...6, saturating at 127). That count, not the
/// arrival count, keys the request's random stream, so the k-th attempt that reaches the server
/// sees the same latency and error whatever the engine and however many rejections came first.
/// Beyond 127 accepted attempts the stream repeats; with an error rate r that takes r¹²⁷ bad luck.
///
/// In `SettlingBytes`, so that it costs memory only for the chunks an engine is working in: once
/// every issue of a chunk was asked for once and accepted once, the chunk settles back to one byte.
/// (With an error rate, retries leave most chunks unsettled: then it costs a byte a slot, as a
/// plain array would.)
struct AttemptTable: ~Copyable {
    private var bytes: SettlingBytes

    init(slots: Int) {
        bytes = SettlingBytes(count: slots)
    }

    /// Marks an arrival, and its acceptance when `accepted`, in one update of the slot's byte;
    /// returns whether the same request arrived before, and how many were accepted before.
    mutating func arrive(_ slot: Int, accepted: Bool) -> (arrived: Bool, accepted: UInt64) {
        let byte = bytes.update(slot) { byte in
            (byte | 0x80) + (accepted && byte & 0x7F < 0x7F ? 1 : 0)
        }
        return (byte & 0x80 != 0, UInt64(byte & 0x7F))
    }
}
