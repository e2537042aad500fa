#include "yamlio.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QRegularExpression>
#include <QStringDecoder>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace trainyard {

QString Diagnostic::format() const {
    QString where = file.isEmpty() ? u"<input>"_s : file;
    if (pos.isValid())
        where += u":%1:%2"_s.arg(pos.line).arg(pos.column);
    return u"%1: %2: %3"_s.arg(where,
                               severity == Severity::Error     ? u"error"_s
                               : severity == Severity::Warning ? u"warning"_s
                                                               : u"note"_s,
                               message);
}

bool hasErrors(const Diagnostics &ds) {
    return std::any_of(ds.begin(), ds.end(), [](const Diagnostic &d) { return d.isError(); });
}

namespace {

struct ReaderMessages {
    Q_DECLARE_TR_FUNCTIONS(trainyard::ReaderMessages)
};

// PyYAML's YAML 1.1 implicit resolvers (resolver.py), restricted to the types safe_load produces.
const QRegularExpression &boolRe() {
    static const QRegularExpression re(
        u"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"_s);
    return re;
}
const QRegularExpression &intRe() {
    static const QRegularExpression re(
        u"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
        "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"_s);
    return re;
}
const QRegularExpression &floatRe() {
    static const QRegularExpression re(
        u"^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
        "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)"
        "|\\.(?:nan|NaN|NAN))$"_s);
    return re;
}
const QRegularExpression &nullRe() {
    static const QRegularExpression re(u"^(?:~|null|Null|NULL|)$"_s);
    return re;
}
const QRegularExpression &timestampRe() {
    static const QRegularExpression re(
        u"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:(?:[Tt]|[ \\t]+)[0-9][0-9]?"
        ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?)$"_s);
    return re;
}

Value parseYamlInt(QString s) {
    s.remove(u'_');
    bool negative = false;
    if (s.startsWith(u'-') || s.startsWith(u'+')) {
        negative = s.startsWith(u'-');
        s.remove(0, 1);
    }
    qint64 v = 0;
    bool ok = true;
    if (s == u"0"_s) {
        v = 0;
    } else if (s.startsWith(u"0b"_s)) {
        v = s.mid(2).toLongLong(&ok, 2);
    } else if (s.startsWith(u"0x"_s)) {
        v = s.mid(2).toLongLong(&ok, 16);
    } else if (s.startsWith(u'0')) {
        v = s.mid(1).toLongLong(&ok, 8);
    } else if (s.contains(u':')) {
        v = 0;
        for (const QString &part : s.split(u':'))
            v = v * 60 + part.toLongLong(&ok);
    } else {
        v = s.toLongLong(&ok);
    }
    if (!ok) // out of range for 64 bits: keep the text; the validator reports it where it matters
        return Value::string(s);
    return Value::integer(negative ? -v : v);
}

Value parseYamlFloat(QString s) {
    s.remove(u'_');
    const QString lower = s.toLower();
    if (lower.endsWith(u".inf"_s))
        return Value::real(lower.startsWith(u'-') ? -INFINITY : INFINITY);
    if (lower == u".nan"_s)
        return Value::real(NAN);
    if (s.contains(u':')) {
        bool negative = s.startsWith(u'-');
        if (negative || s.startsWith(u'+'))
            s.remove(0, 1);
        double v = 0;
        for (const QString &part : s.split(u':'))
            v = v * 60 + part.toDouble();
        return Value::real(negative ? -v : v);
    }
    return Value::real(s.toDouble());
}

} // namespace

Value resolvePlainScalar(const QString &text) {
    if (nullRe().match(text).hasMatch())
        return Value::null();
    if (boolRe().match(text).hasMatch()) {
        const QString l = text.toLower();
        return Value::boolean(l == u"yes"_s || l == u"true"_s || l == u"on"_s);
    }
    if (intRe().match(text).hasMatch())
        return parseYamlInt(text);
    if (floatRe().match(text).hasMatch())
        return parseYamlFloat(text);
    return Value::string(text);
}

namespace {

Value resolveJsonScalar(const QString &text) {
    if (text == u"null"_s)
        return Value::null();
    // json.load's (and json.dump's) spellings of the IEEE specials.
    if (text == u"NaN"_s)
        return Value::real(std::nan(""));
    if (text == u"Infinity"_s || text == u"-Infinity"_s)
        return Value::real(text.startsWith(u'-') ? -INFINITY : INFINITY);
    if (text == u"true"_s || text == u"false"_s)
        return Value::boolean(text == u"true"_s);
    bool ok = false;
    const qint64 i = text.toLongLong(&ok);
    if (ok)
        return Value::integer(i);
    const double d = text.toDouble(&ok);
    if (ok)
        return Value::real(d);
    return Value::string(text);
}

SourcePos posOf(const YAML::Mark &m) {
    if (m.line < 0)
        return {};
    return SourcePos{m.line + 1, m.column + 1};
}

// Bounds on what aliases may expand to. yaml.safe_load shares an aliased node; Trainyard's document tree
// copies it, so a file of a few hundred bytes could otherwise expand to gigabytes (an alias bomb) or forever
// (an alias that contains itself). A real config has a few hundred values and a depth under ten.
constexpr qint64 MaxExpandedValues = 100000;
constexpr int MaxDepth = 128;

struct Converter {
    Dialect dialect;
    QString file;
    Diagnostics *diags;
    qint64 sourceBytes = 0; // every value takes at least two bytes of text unless aliases repeat it
    qint64 values = 0;
    std::vector<YAML::Node> open; // the collections being converted, outermost first
    bool stopped = false;

    void stop(const YAML::Node &node, const QString &message) {
        if (!stopped)
            diags->append(Diagnostic{Diagnostic::Severity::Error, file, posOf(node.Mark()), {}, message});
        stopped = true;
    }

    Value convert(const YAML::Node &node) {
        if (stopped)
            return Value::null();
        if (++values > MaxExpandedValues) {
            if (sourceBytes < 2 * MaxExpandedValues)
                stop(node,
                     ReaderMessages::tr("aliases expand to more than %1 values; a config never needs that "
                                        "many (is it an alias bomb?)")
                         .arg(MaxExpandedValues));
            else
                stop(node, ReaderMessages::tr("more than %1 keys and values; a config has a few hundred")
                               .arg(MaxExpandedValues));
            return Value::null();
        }
        if (node.IsSequence() || node.IsMap()) {
            for (const YAML::Node &outer : open) {
                if (outer.is(node)) {
                    stop(node,
                         ReaderMessages::tr("an alias refers to a collection that contains it; the value "
                                            "would be infinite"));
                    return Value::null();
                }
            }
            if (int(open.size()) >= MaxDepth) {
                stop(node, ReaderMessages::tr("values are nested more than %1 levels deep").arg(MaxDepth));
                return Value::null();
            }
            open.push_back(node);
        }
        Value v = convertNode(node);
        if (node.IsSequence() || node.IsMap())
            open.pop_back();
        return v;
    }

    Value convertNode(const YAML::Node &node) {
        Value v;
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            v = Value::null();
            v.setRaw(QString::fromStdString(node.Scalar()), false);
            break;
        case YAML::NodeType::Scalar: {
            const QString text = QString::fromStdString(node.Scalar());
            const std::string &tag = node.Tag();
            const bool quoted = tag == "!";
            if (quoted) {
                v = Value::string(text);
            } else if (tag == "?" || tag.empty()) {
                v = dialect == Dialect::Json ? resolveJsonScalar(text) : resolvePlainScalar(text);
            } else if (tag == "tag:yaml.org,2002:str") {
                v = Value::string(text);
            } else if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
                       tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null") {
                v = resolvePlainScalar(text);
            } else {
                diags->append(
                    Diagnostic{Diagnostic::Severity::Error,
                               file,
                               posOf(node.Mark()),
                               {},
                               ReaderMessages::tr("tag '%1' is not allowed: accelerate reads configs with "
                                                  "yaml.safe_load, which refuses it")
                                   .arg(QString::fromStdString(tag))});
                v = Value::string(text);
            }
            v.setRaw(text, quoted);
            break;
        }
        case YAML::NodeType::Sequence:
            v = Value::list();
            for (const auto &item : node)
                v.append(convert(item));
            break;
        case YAML::NodeType::Map:
            v = Value::map();
            // Where each key sits in v's entries: duplicate keys are found in constant time (Value::set looks
            // through the entries, which made a file of many keys quadratic to read).
            QHash<QString, size_t> at;
            for (const auto &kv : node) {
                const Value key = convert(kv.first);
                if (!key.isScalar()) {
                    diags->append(Diagnostic{Diagnostic::Severity::Error,
                                             file,
                                             posOf(kv.first.Mark()),
                                             {},
                                             ReaderMessages::tr("a mapping key must be a plain value")});
                    continue;
                }
                // PyYAML keeps the last of duplicate keys (in the position of the first).
                const QString name = key.isString() ? key.toString() : key.sourceText();
                Value item = convert(kv.second);
                auto &entries = v.entries();
                if (const auto found = at.constFind(name); found != at.cend()) {
                    entries[*found].value = std::move(item);
                } else {
                    at.insert(name, entries.size());
                    entries.push_back(MapEntry{name, posOf(kv.first.Mark()), std::move(item)});
                }
            }
            break;
        }
        v.pos = posOf(node.Mark());
        return v;
    }
};

SourcePos offsetToPos(const QByteArray &bytes, qsizetype offset) {
    SourcePos p{1, 1};
    for (qsizetype i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

} // namespace

namespace {

// json.load accepts NaN, Infinity and -Infinity (json.dump writes them); QJsonDocument does not. For its
// syntax check they become numbers of the same length (offsets stay right), outside strings only.
QByteArray withoutSpecials(QByteArray bytes) {
    bool inString = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            continue;
        }
        for (const char *special : {"-Infinity", "Infinity", "NaN"}) {
            const qsizetype n = qsizetype(strlen(special));
            if (bytes.mid(i, n) == special) {
                const qsizetype digit = special[0] == '-' ? i + 1 : i;
                for (qsizetype k = i; k < i + n; ++k)
                    bytes[k] = k < digit ? '-' : (k == digit ? '0' : ' ');
                i += n - 1;
                break;
            }
        }
    }
    return bytes;
}

// json.load's values from a QJsonValue: integral numbers within 2^53 as ints (the document's own spelling is
// gone by now), others as floats.
Value fromJsonValue(const QJsonValue &j) {
    switch (j.type()) {
    case QJsonValue::Bool:
        return Value::boolean(j.toBool());
    case QJsonValue::Double: {
        const double d = j.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) <= 9007199254740992.0)
            return Value::integer(qint64(d));
        return Value::real(d);
    }
    case QJsonValue::String:
        return Value::string(j.toString());
    case QJsonValue::Array: {
        Value list = Value::list();
        for (const QJsonValue &item : j.toArray())
            list.append(fromJsonValue(item));
        return list;
    }
    case QJsonValue::Object: {
        Value map = Value::map();
        const QJsonObject o = j.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            map.set(it.key(), fromJsonValue(it.value()));
        return map;
    }
    default:
        return Value();
    }
}

} // namespace

ParseResult parseDocument(const QByteArray &bytes, Dialect dialect, const QString &fileName) {
    ParseResult r;
    auto error = [&](SourcePos pos, const QString &msg) {
        r.diagnostics.append(Diagnostic{Diagnostic::Severity::Error, fileName, pos, {}, msg});
        return r;
    };
    if (bytes.size() > MaxConfigBytes)
        return error({}, ReaderMessages::tr("file is %1 bytes, larger than the %2 bytes a config may have")
                             .arg(bytes.size())
                             .arg(MaxConfigBytes));
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0)
        return error(offsetToPos(bytes, nul),
                     ReaderMessages::tr("file is binary (it contains a NUL byte), not YAML or JSON"));
    {
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString text = decoder(bytes);
        if (decoder.hasError())
            return error({}, ReaderMessages::tr("file is not valid UTF-8 text"));
        if (text.trimmed().isEmpty())
            return error({}, ReaderMessages::tr("file is empty: a config needs at least distributed_type"));
    }
    if (dialect == Dialect::Json) {
        QJsonParseError err;
        QJsonDocument::fromJson(withoutSpecials(bytes), &err);
        if (err.error != QJsonParseError::NoError)
            return error(offsetToPos(bytes, err.offset),
                         ReaderMessages::tr("JSON syntax error: %1").arg(err.errorString()));
    } else {
        // PyYAML refuses tabs where indentation is read; point at the first one.
        qsizetype lineStart = 0;
        int line = 1;
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            const char c = bytes[i];
            if (c == '\n') {
                lineStart = i + 1;
                ++line;
            } else if (c == '\t') {
                const QByteArray before = bytes.mid(lineStart, i - lineStart);
                if (before.trimmed().isEmpty() || before.trimmed() == "-")
                    return error(
                        SourcePos{line, int(i - lineStart) + 1},
                        ReaderMessages::tr("tab character in indentation: YAML indents with spaces only"));
            }
        }
    }
    YAML::Node doc;
    try {
        doc = YAML::Load(bytes.toStdString());
    } catch (const YAML::Exception &e) {
        // JSON that json.load reads but a YAML parser refuses (a key of more than 1024 characters, which YAML
        // forbids as an implicit key): read through QJsonDocument instead, without source positions.
        if (dialect == Dialect::Json) {
            const QJsonDocument json = QJsonDocument::fromJson(withoutSpecials(bytes));
            r.root = json.isArray() ? fromJsonValue(json.array()) : fromJsonValue(json.object());
            return r;
        }
        QString msg = QString::fromStdString(e.msg);
        return error(posOf(e.mark), ReaderMessages::tr("YAML syntax error: %1").arg(msg));
    }
    Converter conv{dialect, fileName, &r.diagnostics, bytes.size(), 0, {}, false};
    r.root = conv.convert(doc);
    if (conv.stopped) {
        r.root = Value();
        return r;
    }
    if (r.root.isNull())
        return error({},
                     ReaderMessages::tr("file holds no settings: a config needs at least distributed_type"));
    return r;
}

// ---- writers --------------------------------------------------------------------------------------------

namespace {

bool needsQuotes(const QString &s) {
    if (s.isEmpty())
        return true;
    if (!resolvePlainScalar(s).isString() || timestampRe().match(s).hasMatch() || s == u"<<"_s || s == u"="_s)
        return true;
    if (s.front().isSpace() || s.back().isSpace())
        return true;
    static const QString indicators = u"#,[]{}&*!|>'\"%@`"_s;
    if (indicators.contains(s.front()))
        return true;
    if ((s.front() == u'-' || s.front() == u'?' || s.front() == u':') && (s.size() == 1 || s[1] == u' '))
        return true;
    if (s.contains(u": "_s) || s.contains(u" #"_s) || s.endsWith(u':'))
        return true;
    for (const QChar c : s)
        if (c.unicode() < 0x20 || c.unicode() > 0x7E)
            return true;
    return false;
}

bool needsDoubleQuotes(const QString &s) {
    for (const QChar c : s)
        if (c.unicode() < 0x20 || c.unicode() > 0x7E)
            return true;
    return false;
}

// A double-quoted scalar. JSON as Python's json.dumps writes it (lower-case \uXXXX, a character outside the
// BMP as its surrogate pair); YAML as PyYAML's safe_dump writes it (upper-case \xXX, \uXXXX, and \UXXXXXXXX
// for a character outside the BMP: YAML cannot read a surrogate pair back).
QString escapeDouble(const QString &s, bool json) {
    QString out = u"\""_s;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        const ushort u = c.unicode();
        if (u == '"')
            out += u"\\\""_s;
        else if (u == '\\')
            out += u"\\\\"_s;
        else if (u == '\n')
            out += u"\\n"_s;
        else if (u == '\t')
            out += u"\\t"_s;
        else if (u == '\r')
            out += u"\\r"_s;
        else if (u >= 0x20 && u <= 0x7E)
            out += c;
        else if (json)
            out += u"\\u%1"_s.arg(uint(u), 4, 16, QChar(u'0'));
        else if (c.isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
            out += u"\\U"_s + u"%1"_s.arg(QChar::surrogateToUcs4(c, s[i + 1]), 8, 16, QChar(u'0')).toUpper();
            ++i;
        } else if (u > 0xFF)
            out += u"\\u"_s + u"%1"_s.arg(uint(u), 4, 16, QChar(u'0')).toUpper();
        else
            out += u"\\x"_s + u"%1"_s.arg(uint(u), 2, 16, QChar(u'0')).toUpper();
    }
    return out + u"\""_s;
}

QString yamlFloat(double d) {
    if (std::isnan(d))
        return u".nan"_s;
    if (std::isinf(d))
        return d > 0 ? u".inf"_s : u"-.inf"_s;
    QString s = Value::real(d).pythonStr();
    if (!s.contains(u'.') && s.contains(u'e'))
        s.insert(s.indexOf(u'e'), u".0"_s);
    return s;
}

QString yamlScalar(const Value &v) {
    switch (v.type()) {
    case Value::Type::Null:
        return u"null"_s;
    case Value::Type::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    case Value::Type::Int:
        return QString::number(v.toInt());
    case Value::Type::Float:
        return yamlFloat(v.toFloat());
    case Value::Type::String: {
        const QString &s = v.toString();
        if (!needsQuotes(s))
            return s;
        if (needsDoubleQuotes(s))
            return escapeDouble(s, false);
        return u"'"_s + QString(s).replace(u"'"_s, u"''"_s) + u"'"_s;
    }
    default:
        return {};
    }
}

std::vector<const MapEntry *> orderedEntries(const Value &m, bool sortKeys) {
    std::vector<const MapEntry *> es;
    for (const auto &e : m.entries())
        es.push_back(&e);
    if (sortKeys)
        std::stable_sort(es.begin(), es.end(), [](auto *a, auto *b) { return a->key < b->key; });
    return es;
}

bool isEmptyCollection(const Value &v) {
    return (v.isList() || v.isMap()) && v.size() == 0;
}

void emitYaml(QString &out, const Value &v, int indent, bool sortKeys);

void emitYamlMapBody(QString &out, const Value &v, int indent, bool sortKeys, bool firstInline) {
    bool first = true;
    for (const MapEntry *e : orderedEntries(v, sortKeys)) {
        if (!(first && firstInline))
            out += QString(indent, u' ');
        first = false;
        const QString key = yamlScalar(Value::string(e->key));
        const Value &val = e->value;
        // A key of 128 characters or more is written as an explicit key (`? key` then `: value`), as PyYAML
        // writes it: YAML allows implicit keys of at most 1024 characters, and readers enforce it.
        if (key.size() >= 128) {
            out += u"? "_s + key + u"\n"_s + QString(indent, u' ') + u":"_s;
            if ((val.isMap() || val.isList()) && val.size() > 0) {
                out += u"\n"_s;
                emitYaml(out, val, indent + 2, sortKeys);
            } else {
                out += u" "_s;
                emitYaml(out, val, indent + 2, sortKeys);
            }
            continue;
        }
        out += key + u":"_s;
        if (val.isMap() && val.size() > 0) {
            out += u"\n"_s;
            emitYamlMapBody(out, val, indent + 2, sortKeys, false);
        } else if (val.isList() && val.size() > 0) {
            out += u"\n"_s;
            emitYaml(out, val, indent, sortKeys); // PyYAML does not indent a block list under its key
        } else {
            out += u" "_s;
            emitYaml(out, val, indent, sortKeys);
        }
    }
}

void emitYaml(QString &out, const Value &v, int indent, bool sortKeys) {
    if (isEmptyCollection(v)) {
        out += v.isList() ? u"[]\n"_s : u"{}\n"_s;
        return;
    }
    if (v.isMap()) {
        emitYamlMapBody(out, v, indent, sortKeys, false);
        return;
    }
    if (v.isList()) {
        for (const Value &item : v.items()) {
            out += QString(indent, u' ') + u"- "_s;
            if (item.isMap() && item.size() > 0)
                emitYamlMapBody(out, item, indent + 2, sortKeys, true);
            else if (item.isList() && item.size() > 0) {
                out += u"\n"_s;
                emitYaml(out, item, indent + 2, sortKeys);
            } else
                emitYaml(out, item, indent + 2, sortKeys);
        }
        return;
    }
    out += yamlScalar(v) + u"\n"_s;
}

void emitJson(QString &out, const Value &v, int indent, bool sortKeys) {
    const QString pad(indent + 2, u' ');
    switch (v.type()) {
    case Value::Type::Null:
        out += u"null"_s;
        return;
    case Value::Type::Bool:
        out += v.toBool() ? u"true"_s : u"false"_s;
        return;
    case Value::Type::Int:
        out += QString::number(v.toInt());
        return;
    case Value::Type::Float: {
        const double d = v.toFloat();
        out += std::isnan(d)   ? u"NaN"_s
               : std::isinf(d) ? (d > 0 ? u"Infinity"_s : u"-Infinity"_s)
                               : v.pythonStr();
        return;
    }
    case Value::Type::String:
        out += escapeDouble(v.toString(), true);
        return;
    case Value::Type::List: {
        if (v.size() == 0) {
            out += u"[]"_s;
            return;
        }
        out += u"[\n"_s;
        bool first = true;
        for (const Value &item : v.items()) {
            if (!first)
                out += u",\n"_s;
            first = false;
            out += pad;
            emitJson(out, item, indent + 2, sortKeys);
        }
        out += u"\n"_s + QString(indent, u' ') + u"]"_s;
        return;
    }
    case Value::Type::Map: {
        if (v.size() == 0) {
            out += u"{}"_s;
            return;
        }
        out += u"{\n"_s;
        bool first = true;
        for (const MapEntry *e : orderedEntries(v, sortKeys)) {
            if (!first)
                out += u",\n"_s;
            first = false;
            out += pad + escapeDouble(e->key, true) + u": "_s;
            emitJson(out, e->value, indent + 2, sortKeys);
        }
        out += u"\n"_s + QString(indent, u' ') + u"}"_s;
        return;
    }
    }
}

} // namespace

QByteArray toYaml(const Value &root, bool sortKeys) {
    QString out;
    emitYaml(out, root, 0, sortKeys);
    return out.toUtf8();
}

QByteArray toJson(const Value &root, bool sortKeys) {
    QString out;
    emitJson(out, root, 0, sortKeys);
    out += u"\n"_s;
    return out.toUtf8();
}

} // namespace trainyard
