#include "argbytes.h"

namespace trainyard {

namespace {

// Length of the valid UTF-8 sequence at s[i..n), or 0 when it is not one (overlong forms, surrogates and code
// points past U+10FFFF are invalid, as in Python's strict decoder).
int utf8Length(const unsigned char *s, qsizetype i, qsizetype n) {
    const unsigned char c = s[i];
    if (c < 0x80)
        return 1;
    int len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n - i < len)
        return 0;
    for (int k = 1; k < len; ++k) {
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

} // namespace

QString argFromBytes(const QByteArray &bytes) {
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    QString out;
    out.reserve(n);
    qsizetype i = 0;
    while (i < n) {
        qsizetype j = i;
        int len = 0;
        while (j < n && (len = utf8Length(s, j, n)) > 0)
            j += len;
        if (j > i)
            out += QString::fromUtf8(bytes.constData() + i, j - i);
        if (j < n) {
            out += QChar(char16_t(0xDC00 + s[j])); // s[j] >= 0x80: ASCII is always valid
            ++j;
        }
        i = j;
    }
    return out;
}

QByteArray argToBytes(const QString &text) {
    if (!hasEscapedBytes(text))
        return text.toUtf8();
    QByteArray out;
    out.reserve(text.size());
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        const bool lone = u >= 0xDC80 && u <= 0xDCFF && (i == 0 || !text[i - 1].isHighSurrogate());
        if (lone) {
            out += QStringView(text).mid(start, i - start).toUtf8();
            out += char(u - 0xDC00);
            start = i + 1;
        }
    }
    out += QStringView(text).mid(start).toUtf8();
    return out;
}

bool hasEscapedBytes(const QString &text) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        if (u >= 0xDC80 && u <= 0xDCFF && (i == 0 || !text[i - 1].isHighSurrogate()))
            return true;
    }
    return false;
}

QStringList argsFromArgv(int argc, char **argv) {
    QStringList out;
    out.reserve(argc);
    for (int i = 0; i < argc; ++i)
        out << argFromBytes(QByteArray(argv[i]));
    return out;
}

} // namespace trainyard
