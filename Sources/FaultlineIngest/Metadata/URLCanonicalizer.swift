import Foundation

/// Puts a URL in the one form that identifies an article: lowercase scheme and host, no
/// fragment, no default port, no tracking parameters.
///
/// ```swift
/// URLCanonicalizer.canonical("HTTPS://Example.com:443/a?utm_source=x#top")  // "https://example.com/a"
/// ```
public enum URLCanonicalizer {
    public static func canonical(_ raw: String) -> String? {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, var parts = URLComponents(string: trimmed),
            let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = parts.host, !host.isEmpty
        else { return nil }
        parts.scheme = scheme
        parts.host = host.lowercased()
        parts.fragment = nil
        if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) {
            parts.port = nil
        }
        if let items = parts.queryItems {
            let kept = items.filter { !isTracking($0.name) }
            parts.queryItems = kept.isEmpty ? nil : kept
        }
        if parts.path.isEmpty { parts.path = "/" }
        return parts.string
    }

    private static func isTracking(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasPrefix("utm_") || ["fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "ref", "src"].contains(lower)
    }
}
