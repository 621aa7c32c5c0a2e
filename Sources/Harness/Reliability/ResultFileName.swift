/// The names of the files a run writes in its output folder: `<scenario>-<UTC time>.<extension>`.
///
/// A scenario's name goes into a file name, so it is checked again here, whatever the decoder
/// already enforced: 1 to 64 characters a-z, 0-9 or '-', so that no name can climb out of the
/// output folder ("../x"), hide a file (".x") or name a folder ("a/b").
enum ResultFileName {
    static func make(_ base: String, timestamp: String, extension suffix: String) throws(HarnessError) -> String {
        guard isSafe(base) else {
            throw .io(path: base, message: "refusing to name a result file after it: expected 1 to 64 characters a-z, 0-9 or '-'")
        }
        return "\(base)-\(timestamp).\(suffix)"
    }

    static func isSafe(_ base: String) -> Bool {
        (1...64).contains(base.utf8.count) && base.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "-")
        }
    }
}
