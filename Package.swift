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
        .library(name: "FaultlineText", targets: ["FaultlineText"]),
        .library(name: "FaultlineKnowledge", targets: ["FaultlineKnowledge"]),
        .library(name: "FaultlineExtract", targets: ["FaultlineExtract"]),
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
        // The processor's prefetch instruction, which Swift does not expose.
        .target(name: "CPrefetch"),

        .target(name: "FaultlineModel", swiftSettings: strictness),
        .target(
            name: "FaultlineIngest",
            dependencies: [
                "FaultlineModel", "CLibXML2", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictness),
        // The language layer: tokens, sentences, tags, lemmas, entities, dependencies.
        .target(
            name: "FaultlineText",
            dependencies: ["FaultlineModel", "CPrefetch"],
            resources: [.copy("Resources/models")],
            swiftSettings: strictness),
        // Actors with roles over time, the gazetteer, CAMEO codebooks, dictionary importers, matching.
        .target(
            name: "FaultlineKnowledge",
            dependencies: ["FaultlineModel", "FaultlineText"],
            resources: [.copy("Resources/actors"), .copy("Resources/gazetteer"), .copy("Resources/codebooks")],
            swiftSettings: strictness),
        // Time expressions, quantities, and (later) events and claims.
        .target(
            name: "FaultlineExtract",
            dependencies: ["FaultlineModel", "FaultlineText", "FaultlineKnowledge"],
            swiftSettings: strictness),
        .target(
            name: "FaultlineStore",
            dependencies: [
                "FaultlineModel", "FaultlineIngest", "FaultlineKnowledge", "FaultlineExtract", "FaultlineText",
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
                "FaultlineText", "FaultlineKnowledge", "FaultlineExtract",
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
                "FaultlineTestSupport", "FaultlineExtract", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictness),
        .testTarget(
            name: "FaultlineTextTests",
            dependencies: ["FaultlineText", "FaultlineModel", "FaultlineTestSupport"],
            swiftSettings: strictness),
        .testTarget(
            name: "FaultlineKnowledgeTests",
            dependencies: ["FaultlineKnowledge", "FaultlineText", "FaultlineModel", "FaultlineTestSupport"],
            swiftSettings: strictness),
        .testTarget(
            name: "FaultlineExtractTests",
            dependencies: [
                "FaultlineExtract", "FaultlineKnowledge", "FaultlineText", "FaultlineModel", "FaultlineIngest", "FaultlineTestSupport",
            ],
            swiftSettings: strictness),
        // Runs the built `faultline` executable as a user would.
        .testTarget(
            name: "FaultlineCLITests",
            dependencies: ["faultline", "FaultlineTestSupport"],
            swiftSettings: strictness),
    ]
)
