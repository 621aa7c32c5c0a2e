/// Where an engine delivers each issue's result, exactly once per issue.
///
/// Called from any task; implementations are thread-safe and cheap (the harness's sink keeps
/// memory only for the issues in flight and a fixed-size sketch of the results, so memory figures
/// belong to the engine).
public protocol ResultSink: Sendable {
    func deliver(_ result: IssueResult)

    /// Reports bytes an engine compressed (before and after), so the harness can show the
    /// compression an engine actually reached.
    func noteCompression(rawBytes: Int, compressedBytes: Int)
}

extension ResultSink {
    public func noteCompression(rawBytes: Int, compressedBytes: Int) {}
}
