import Testing

@testable import FaultlineIngest
