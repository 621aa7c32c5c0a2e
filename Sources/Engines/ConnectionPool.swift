import Contract
import Synchronization

/// Keep-alive: connections handed back stay open, and the next task that needs one to the same
/// endpoint takes it instead of paying the set-up cost again.
final class ConnectionPool: Sendable {
    private let api: any IssueAPI
    /// Idle connections by endpoint.
    private let idle: Mutex<[[Connection]]>

    init(api: any IssueAPI) {
        self.api = api
        idle = Mutex(Array(repeating: [], count: max(1, api.capabilities.endpoints.count)))
    }

    /// An idle connection to `endpoint`, or a new one.
    func checkout(_ endpoint: Int) async throws -> Connection {
        if let connection = idle.withLock({ $0[endpoint].popLast() }) { return connection }
        return try await api.connect(to: endpoint)
    }

    func checkin(_ connection: Connection) {
        idle.withLock { $0[connection.endpoint].append(connection) }
    }
}
