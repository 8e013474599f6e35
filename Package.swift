// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "ehcp",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "EHCPKit", targets: ["EHCPKit"]),
        .executable(name: "ehcp", targets: ["ehcp"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The server of `ehcp serve`; its optional traits (swift-configuration, full Foundation) are not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // `swift package generate-documentation --target EHCPKit`; a plugin, built only when run.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "EHCPSource"),
        .target(name: "EHCPYAML", dependencies: ["CYAML", "EHCPSource"]),
        .target(name: "EHCPXML", dependencies: ["CLibXML2", "EHCPSource"]),
        .target(
            name: "EHCPKit",
            dependencies: [
                "EHCPSource", "EHCPYAML", "EHCPXML", "CZlib", .product(name: "Crypto", package: "swift-crypto")
            ],
            plugins: ["EmbedResourcesPlugin"]
        ),
        .executableTarget(name: "EmbedResourcesTool", dependencies: ["EHCPSource", "EHCPYAML"]),
        .plugin(name: "EmbedResourcesPlugin", capability: .buildTool(), dependencies: ["EmbedResourcesTool"]),
        .target(
            name: "EHCPServer",
            dependencies: [
                "EHCPKit", "EHCPSource", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"), .product(name: "Logging", package: "swift-log")
            ]
        ),
        .executableTarget(
            name: "ehcp",
            dependencies: ["EHCPKit", "EHCPSource", "EHCPServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "LibraryUsage", dependencies: ["EHCPKit"], path: "Examples/LibraryUsage"),
        .target(name: "EHCPTestSupport", dependencies: ["EHCPKit"], path: "Tests/EHCPTestSupport"),
        .testTarget(name: "EHCPSourceTests", dependencies: ["EHCPSource", "EHCPYAML", "EHCPXML"]),
        .testTarget(
            name: "EHCPKitTests",
            dependencies: ["EHCPKit", "EHCPSource", "EHCPXML", "EHCPYAML", "EHCPTestSupport"]
        ),
        .testTarget(name: "CLITests", dependencies: ["EHCPTestSupport", "ehcp", "LibraryUsage"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "EHCPServer", "EHCPKit", "EHCPSource", "EHCPTestSupport", "EHCPYAML", .product(name: "Hummingbird", package: "hummingbird")
            ]
        )
    ]
)
