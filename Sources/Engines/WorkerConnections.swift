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
    /// Connections held, by endpoint index.
    private var byEndpoint: [Connection?] = []

    init(_ source: Source) {
        self.source = source
    }

    /// The connection held to `endpoint`, if any: the synchronous fast path of every request.
    func held(_ endpoint: Int) -> Connection? {
        endpoint < byEndpoint.count ? byEndpoint[endpoint] : nil
    }

    /// A connection to `endpoint` when none is held: a new one (`fresh`), or one from the pool,
    /// then held.
    mutating func open(_ endpoint: Int) async throws -> Connection {
        switch source {
        case .fresh(let api):
            return try await api.connect(to: endpoint)
        case .pool(let pool):
            let connection = try await pool.checkout(endpoint)
            if endpoint >= byEndpoint.count {
                byEndpoint += Array(repeating: nil, count: endpoint + 1 - byEndpoint.count)
            }
            byEndpoint[endpoint] = connection
            return connection
        }
    }

    /// Hands every held connection back to the pool.
    mutating func release() {
        if case .pool(let pool) = source {
            for case let connection? in byEndpoint { pool.checkin(connection) }
        }
        byEndpoint = []
    }
}
