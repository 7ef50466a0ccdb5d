// swift-tools-version: 6.0
import PackageDescription

/// Upcoming features every target opts into (see STYLE.md).
let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Faultline",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "faultline", targets: ["faultline"]),
        .library(name: "FaultlineModel", targets: ["FaultlineModel"]),
        .library(name: "FaultlineIngest", targets: ["FaultlineIngest"]),
        .library(name: "FaultlineStore", targets: ["FaultlineStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // System libraries: libxml2 parses HTML and feeds; zlib reads .gz files.
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),

        .target(name: "FaultlineModel", swiftSettings: strictness),
        .target(
            name: "FaultlineIngest",
            dependencies: [
                "FaultlineModel", "CLibXML2", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictness),
        .target(
            name: "FaultlineStore",
            dependencies: [
                "FaultlineModel", "FaultlineIngest",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictness),
        // The team-written sample corpus that `faultline demo` ingests and the tests read.
        .target(
            name: "FaultlineSamples",
            resources: [.copy("Resources/demo")],
            swiftSettings: strictness),
        .executableTarget(
            name: "faultline",
            dependencies: [
                "FaultlineModel", "FaultlineIngest", "FaultlineStore", "FaultlineSamples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness),

        .target(
            name: "FaultlineTestSupport",
            dependencies: ["FaultlineModel"],
            path: "Tests/FaultlineTestSupport",
            swiftSettings: strictness),
        .testTarget(
            name: "FaultlineIngestTests",
            dependencies: ["FaultlineIngest", "FaultlineModel", "FaultlineTestSupport"],
            swiftSettings: strictness),
        .testTarget(
            name: "FaultlineStoreTests",
            dependencies: [
                "FaultlineStore", "FaultlineIngest", "FaultlineModel", "FaultlineSamples",
                "FaultlineTestSupport",
            ],
            swiftSettings: strictness),
        // Runs the built `faultline` executable as a user would.
        .testTarget(
            name: "FaultlineCLITests",
            dependencies: ["faultline", "FaultlineTestSupport"],
            swiftSettings: strictness),
    ]
)
