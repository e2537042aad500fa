#include "value.h"

#include <charconv>
#include <cmath>

using namespace Qt::StringLiterals;

namespace trainyard {

Value Value::boolean(bool b) {
    Value v;
    v.m_type = Type::Bool;
    v.m_bool = b;
    return v;
}

Value Value::integer(qint64 i) {
    Value v;
    v.m_type = Type::Int;
    v.m_int = i;
    return v;
}

Value Value::real(double d) {
    Value v;
    v.m_type = Type::Float;
    v.m_float = d;
    return v;
}

Value Value::string(const QString &s) {
    Value v;
    v.m_type = Type::String;
    v.m_string = s;
    return v;
}

Value Value::list() {
    Value v;
    v.m_type = Type::List;
    return v;
}

Value Value::map() {
    Value v;
    v.m_type = Type::Map;
    v.m_entries = std::make_shared<std::vector<MapEntry>>();
    return v;
}

bool Value::truthy() const {
    switch (m_type) {
    case Type::Null:
        return false;
    case Type::Bool:
        return m_bool;
    case Type::Int:
        return m_int != 0;
    case Type::Float:
        return m_float != 0.0;
    case Type::String:
        return !m_string.isEmpty();
    case Type::List:
        return !m_items.empty();
    case Type::Map:
        return size() > 0;
    }
    return false;
}

// Python's repr() of a float: the shortest digits that read back exactly, in positional notation for
// exponents from -4 to 15 and in scientific notation (e+XX) outside.
static QString pythonFloat(double d) {
    if (std::isnan(d))
        return u"nan"_s;
    if (std::isinf(d))
        return d > 0 ? u"inf"_s : u"-inf"_s;
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    const QString sci = QString::fromLatin1(buf, int(res.ptr - buf)); // e.g. -1.2345e+08
    const qsizetype e = sci.indexOf(u'e');
    const int exponent = sci.mid(e + 1).toInt();
    QString mantissa = sci.left(e);
    const bool negative = mantissa.startsWith(u'-');
    if (negative)
        mantissa.remove(0, 1);
    const QString digits = QString(mantissa).remove(u'.');
    QString out;
    if (exponent >= -4 && exponent < 16) {
        if (exponent < 0) {
            out = u"0."_s + QString(-exponent - 1, u'0') + digits;
        } else if (digits.size() > exponent + 1) {
            out = digits.left(exponent + 1) + u'.' + digits.mid(exponent + 1);
        } else {
            out = digits + QString(exponent + 1 - digits.size(), u'0') + u".0"_s;
        }
    } else {
        out = digits.left(1) + (digits.size() > 1 ? u"."_s + digits.mid(1) : QString()) + u'e' +
              (exponent < 0 ? u'-' : u'+') + QString::number(std::abs(exponent)).rightJustified(2, u'0');
    }
    return negative ? u'-' + out : out;
}

QString Value::pythonStr() const {
    switch (m_type) {
    case Type::Null:
        return u"None"_s;
    case Type::Bool:
        return m_bool ? u"True"_s : u"False"_s;
    case Type::Int:
        return QString::number(m_int);
    case Type::Float:
        return pythonFloat(m_float);
    case Type::String:
        return m_string;
    case Type::List: {
        QStringList parts;
        for (const auto &i : m_items)
            parts << (i.isString() ? u"'"_s + i.m_string + u"'"_s : i.pythonStr());
        return u"["_s + parts.join(u", "_s) + u"]"_s;
    }
    case Type::Map:
        return u"{...}"_s;
    }
    return {};
}

QString Value::typeName(Type t) {
    switch (t) {
    case Type::Null:
        return u"null"_s;
    case Type::Bool:
        return u"boolean"_s;
    case Type::Int:
        return u"integer"_s;
    case Type::Float:
        return u"number"_s;
    case Type::String:
        return u"string"_s;
    case Type::List:
        return u"list"_s;
    case Type::Map:
        return u"mapping"_s;
    }
    return {};
}

static const std::vector<MapEntry> &emptyEntries() {
    static const std::vector<MapEntry> empty;
    return empty;
}

const std::vector<MapEntry> &Value::entries() const {
    return m_entries ? *m_entries : emptyEntries();
}

void Value::detach() {
    if (!m_entries)
        m_entries = std::make_shared<std::vector<MapEntry>>();
    else if (m_entries.use_count() > 1)
        m_entries = std::make_shared<std::vector<MapEntry>>(*m_entries);
}

std::vector<MapEntry> &Value::entries() {
    detach();
    return *m_entries;
}

const MapEntry *Value::entry(const QString &key) const {
    for (const auto &e : entries())
        if (e.key == key)
            return &e;
    return nullptr;
}

const Value *Value::find(const QString &key) const {
    const MapEntry *e = entry(key);
    return e ? &e->value : nullptr;
}

Value *Value::find(const QString &key) {
    if (!m_entries || !entry(key))
        return nullptr;
    for (auto &e : entries())
        if (e.key == key)
            return &e.value;
    return nullptr;
}

void Value::set(const QString &key, const Value &v, SourcePos keyPos) {
    if (m_type != Type::Map) {
        *this = map();
    }
    for (auto &e : entries()) {
        if (e.key == key) {
            e.value = v;
            return;
        }
    }
    entries().push_back(MapEntry{key, keyPos, v});
}

bool Value::remove(const QString &key) {
    if (!entry(key))
        return false;
    auto &es = entries();
    for (auto it = es.begin(); it != es.end(); ++it) {
        if (it->key == key) {
            es.erase(it);
            return true;
        }
    }
    return false;
}

Value Value::get(const QString &key) const {
    const Value *v = find(key);
    return v ? *v : Value();
}

int Value::size() const {
    if (m_type == Type::List)
        return int(m_items.size());
    return int(entries().size());
}

bool operator==(const MapEntry &a, const MapEntry &b) {
    return a.key == b.key && a.value == b.value;
}

bool operator==(const Value &a, const Value &b) {
    if (a.m_type != b.m_type)
        return false;
    switch (a.m_type) {
    case Value::Type::Null:
        return true;
    case Value::Type::Bool:
        return a.m_bool == b.m_bool;
    case Value::Type::Int:
        return a.m_int == b.m_int;
    case Value::Type::Float:
        return a.m_float == b.m_float || (std::isnan(a.m_float) && std::isnan(b.m_float));
    case Value::Type::String:
        return a.m_string == b.m_string;
    case Value::Type::List:
        return a.m_items == b.m_items;
    case Value::Type::Map: // as Python compares dicts: same keys and values, in any order
        if (a.size() != b.size())
            return false;
        for (const MapEntry &e : a.entries()) {
            const Value *other = b.find(e.key);
            if (!other || !(*other == e.value))
                return false;
        }
        return true;
    }
    return false;
}

} // namespace trainyard
