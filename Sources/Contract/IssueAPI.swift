/// What an API offers, so an engine can adapt (batching, failover) without knowing whether the
/// other side is the simulation or a real HTTP client.
public struct APICapabilities: Sendable, Equatable {
    /// Endpoint names in order of preference: index 0 is the primary, the rest are backups.
    public var endpoints: [String]
    /// Most ids a `.batchGet` accepts; 0 when there is no batch endpoint.
    public var batchMaxItems: Int
    /// Issues per listing page.
    public var pageSize: Int

    public init(endpoints: [String], batchMaxItems: Int, pageSize: Int) {
        self.endpoints = endpoints
        self.batchMaxItems = batchMaxItems
        self.pageSize = pageSize
    }
}

/// An open connection to one endpoint. Reusing it (keep-alive) avoids the connection set-up cost.
public struct Connection: Sendable, Hashable {
    public var id: Int
    public var endpoint: Int

    public init(id: Int, endpoint: Int) {
        self.id = id
        self.endpoint = endpoint
    }
}

/// The API client an engine talks to. The simulation implements it; an HTTP client could too.
///
/// Both calls wait on the harness clock for their latency, so they are cheap to call from many
/// tasks: implementations must not hop to an actor per request.
public protocol IssueAPI: Sendable {
    var capabilities: APICapabilities { get }

    /// Opens a connection to `endpoint` (an index into `capabilities.endpoints`), paying the
    /// connection set-up time.
    func connect(to endpoint: Int) async throws -> Connection

    /// Sends `request` over `connection` and waits for the response. Errors, outages and rate
    /// limits come back as responses with their status; this throws only on cancellation.
    func send(_ request: APIRequest, over connection: Connection) async throws -> APIResponse
}
