import Contract

/// The connections one worker sends over: either a new one for every request (phase1 pays the
/// set-up cost each time) or, from a `ConnectionPool`, one per endpoint held for the worker's life.
struct WorkerConnections {
    enum Source: Sendable {
        /// `api.connect` for every request.
        case fresh(any IssueAPI)
        /// Checked out once per endpoint, handed back by `release`.
        case pool(ConnectionPool)
    }

    let source: Source
    private var held: [Connection?] = []

    init(_ source: Source) {
        self.source = source
    }

    mutating func connection(to endpoint: Int) async throws -> Connection {
        switch source {
        case .fresh(let api):
            return try await api.connect(to: endpoint)
        case .pool(let pool):
            if endpoint < held.count, let connection = held[endpoint] { return connection }
            let connection = try await pool.checkout(endpoint)
            if endpoint >= held.count { held += Array(repeating: nil, count: endpoint + 1 - held.count) }
            held[endpoint] = connection
            return connection
        }
    }

    /// Hands every held connection back to the pool.
    mutating func release() {
        if case .pool(let pool) = source {
            for case let connection? in held { pool.checkin(connection) }
        }
        held = []
    }
}
