import Contract

/// The words issue text is made of.
extension Vocabulary {
    /// Words by rank, most frequent first: the function words, then `technicalWords`.
    static var rankedWords: [String] { functionWords + technicalWords }

    /// The commonest words of English prose, most frequent first.
    static let functionWords: [String] = [
        "the", "to", "a", "is", "it", "in", "and", "of", "this", "when", "i", "that", "with", "on",
        "for", "not", "be", "we", "but", "after", "if", "from", "as", "an", "are", "was", "can", "have",
        "no", "my", "at", "or", "there", "so", "by", "all", "which", "also", "only", "do", "does",
        "should", "would", "get", "seems", "same", "new", "now", "still", "just", "then", "like",
        "using", "use", "any", "some", "other", "than", "more", "one", "two", "first", "before", "each",
        "every", "because", "while", "into", "out", "up", "here", "what", "where", "you", "me", "our",
        "your", "they", "them", "very", "too", "much", "many", "few", "well", "again", "instead",
        "already", "yet", "since", "until", "without", "through", "during", "between", "about",
    ]

    /// The nouns and verbs of bug reports, most frequent first; they also make identifiers, paths
    /// and stack frames. The analysis keywords sit among them at modest ranks, so an issue holds a
    /// few stray keywords besides those of its topic, as real issues do.
    static let technicalWords: [String] = [
        "version", "works", "expected", "behavior", "issue", "happens", "file", "code", "running",
        "test", "build", "release", "config", "option", "server", "client", "request", "response",
        "api", "output", "log", "message", "line", "function", "value", "returns", "problem", "see",
        "tried", "fix", "change", "call", "set", "shows", "steps", "reproduce", "actual", "latest",
        "update", "install", "module", "package", "dependency", "default", "path",
        "user", "page", "data", "json", "format", "parse", "compile", "linux", "macos", "windows",
        "docker", "network", "http", "url", "header", "status", "cache", "database", "query",
        "connection", "timeout", "thread", "process", "string", "array", "list", "map", "key", "field",
        "parameter", "argument", "null", "nil", "undefined", "type", "class", "method", "warning",
        "stack", "trace", "error", "crashes", "failing", "failed", "failure", "wrong", "missing",
        "invalid", "empty", "unexpected", "sometimes", "always", "never", "probably", "maybe",
        "actually", "please", "thanks", "think", "looks", "noticed", "found", "cannot", "unable",
        "nothing", "something", "currently", "recently", "upgraded", "workaround", "patch", "pull",
        "review", "merged", "closed", "duplicate", "related", "similar", "example", "support", "add",
        "help", "how", "why", "memory", "slow", "crash", "feature", "docs", "token", "broken",
        "exception", "fails", "question", "latency", "security", "regression", "readme", "leak",
        "throughput", "proposal", "enhancement", "typo", "panic", "injection", "vulnerability",
        "environment", "system", "platform", "node", "python", "swift", "rust", "browser", "mobile",
        "android", "ios", "app", "plugin", "extension", "library", "framework", "component",
        "service", "worker", "queue", "event", "callback", "handler", "listener", "async", "await",
        "promise", "task", "schedule", "retry", "limit", "rate", "size", "count", "number", "time",
        "seconds", "minutes", "cpu", "disk", "usage", "benchmark", "profile", "faster", "increase",
        "spike", "hang", "freeze", "deadlock", "race", "condition", "concurrent", "parallel", "lock",
        "mutex", "unsafe", "pointer", "buffer", "overflow", "segfault", "abort", "signal", "killed",
        "intermittent", "flaky", "randomly", "reverted", "solution", "upstream", "fork", "branch",
        "commit", "merge", "pipeline", "job", "workflow", "script", "command", "flag", "cli",
        "variable", "directory", "screen", "button", "click", "load", "save", "read", "write", "open",
        "close", "start", "stop", "create", "delete", "remove", "handle", "check", "render", "upload",
        "download", "sync", "auth", "login", "session", "cookie", "certificate", "proxy", "socket",
        "port", "host", "domain", "schema", "migration", "index", "table", "column", "record", "batch",
        "stream", "chunk", "payload", "encoding", "utf8", "unicode", "locale", "timezone", "date",
        "image", "container", "cluster", "deploy", "production", "staging", "local", "remote",
        "snippet", "minimal", "screenshot", "details", "context", "guide", "tutorial", "section",
        "link", "wiki", "milestone", "priority", "maintainers", "contributors", "roadmap", "project",
        "repository", "upgrade", "downgrade", "compatible", "breaking", "deprecated",
    ]

    /// Topic words by `Label.rawValue`: an issue about performance says "slow" and "memory" more
    /// than chance would, so analyses pick varied labels instead of always the commonest keyword.
    /// The same words as `Analysis`'s keyword table (which is internal to Contract); `.triage` has
    /// none: it is what an issue without a topic gets.
    static let topicWords: [[String]] = [
        ["crash", "error", "broken", "regression", "exception", "fails", "panic"],
        ["feature", "support", "add", "proposal", "enhancement"],
        ["docs", "readme", "typo", "example"],
        ["how", "why", "question", "help"],
        ["slow", "latency", "memory", "throughput", "leak"],
        ["security", "vulnerability", "token", "injection"],
        [],
    ]

    /// File extensions for paths and stack frames.
    static let fileExtensions: [String] = ["swift", "rs", "go", "py", "ts", "js", "c", "java", "rb", "yaml"]
}
