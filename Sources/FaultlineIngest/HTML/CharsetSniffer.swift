/// Finds the charset a page or feed declares in its first bytes: `<meta charset>`,
/// `<meta http-equiv="Content-Type" content="…; charset=…">` or `<?xml … encoding="…"?>`.
enum CharsetSniffer {
    static func declared(in bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096)
        for marker in [Array("charset=".utf8), Array("encoding=".utf8)] {
            var index = head.startIndex
            while index + marker.count <= head.endIndex {
                var matches = true
                for (offset, byte) in marker.enumerated() where head[index + offset] | 0x20 != byte && head[index + offset] != byte {
                    matches = false
                    break
                }
                if matches {
                    var value = head[(index + marker.count)...].drop { $0 == 0x22 || $0 == 0x27 || $0 == 0x20 }
                    value = value.prefix { byte in
                        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D || byte == 0x5F
                            || byte == 0x3A || byte == 0x2E
                    }
                    if !value.isEmpty { return String(decoding: value, as: UTF8.self).lowercased() }
                }
                index += 1
            }
        }
        return nil
    }
}
