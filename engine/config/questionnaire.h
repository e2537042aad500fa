// accelerate's `accelerate config` questionnaire (the "This machine" branch), asked through a Prompter so
// that a terminal, a test's stdin or a wizard can answer it, and checked against the hardware Trainyard
// detects.
#pragma once

#include "value.h"

#include <QString>
#include <QStringList>

namespace trainyard {

struct HardwareInfo;

// One question of the questionnaire, for prompters that show more than text (the studio's wizard).
struct Question {
    enum class Kind { Menu, YesNo, Integer, Number, Text };
    Kind kind = Kind::Text;
    QString text;          // the question itself
    QStringList options;   // Menu: the choices; the answer is the chosen index
    QString defaultAnswer; // what an empty answer means, as it would be typed
};

class Prompter {
public:
    virtual ~Prompter() = default;
    // A question; `rendered` is its text form with the choices and the default. The answer is read as typed
    // text (a menu's index, yes/no, a number); a null QString ends the questionnaire. By default,
    // ask(rendered).
    virtual QString askQuestion(const Question &, const QString &rendered) { return ask(rendered); }
    // Shows text (a question, a menu, an error) and reads one line; a null QString at end of input.
    virtual QString ask(const QString &prompt) = 0;
    virtual void say(const QString &text) = 0;
};

struct QuestionnaireResult {
    Value config;  // the config as `accelerate config` would write it
    QString error; // non-empty when the questionnaire stopped (end of input, unsupported choice)
    bool ok() const { return error.isEmpty(); }
};

QuestionnaireResult runQuestionnaire(Prompter &prompter, const HardwareInfo &hw);

// What `accelerate config default` writes for this machine (write_basic_config with mixed_precision "no").
Value defaultConfigFor(const HardwareInfo &hw, const QString &mixedPrecision = QStringLiteral("no"));

} // namespace trainyard
