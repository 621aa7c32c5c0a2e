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

    /// Sends `request` like `send` when its answer needs no wait on the clock (an API with zero
    /// latency), and returns `nil`, having sent nothing, when it would: the caller then `send`s it.
    ///
    /// Why a synchronous twin: after every async call through the existential, the caller hops
    /// back to its executor (`swift_task_switch`, which reads the task's executor preference under
    /// a lock) and pays the callee's frame — some 330 instructions a request, a twentieth of all
    /// a request costs on a zero-latency virtual trial (callgrind, `unlimited-fast`: 124.3 M ->
    /// 117.8 M for 20,200 requests).
    func sendAtOnce(_ request: APIRequest, over connection: Connection) -> APIResponse?
}

extension IssueAPI {
    /// Every answer waits: a real client's always does.
    public func sendAtOnce(_ request: APIRequest, over connection: Connection) -> APIResponse? { nil }
}
