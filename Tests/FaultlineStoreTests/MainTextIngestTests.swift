import Testing

@testable import FaultlineStore
