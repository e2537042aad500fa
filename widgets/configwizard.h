// The config wizard: accelerate's questionnaire (engine/config/questionnaire), one question at a time, with a
// choice list for menus and yes/no questions and a field for the rest, checked against the GPUs Trainyard
// detects. The questionnaire runs on a thread of its own and waits for each answer; the dialog never blocks.
#pragma once

#include "config/questionnaire.h"
#include "config/value.h"

#include <QDialog>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace trainyard {

class ConfigWizard : public QDialog {
    Q_OBJECT
public:
    explicit ConfigWizard(QWidget *parent = nullptr);
    ~ConfigWizard() override;

    void start(const HardwareInfo &hw);
    // Answers the current question as typed (a menu's index, yes/no, a number, text; empty: the default).
    void submit(const QString &answer);
    QString currentQuestion() const;
    const Value &result() const { return m_result; }

Q_SIGNALS:
    void questionAsked(const QString &question);
    void completed(const trainyard::Value &config); // the questionnaire's config, canonical
    void stopped(const QString &reason);

protected:
    void reject() override;

private:
    class Bridge;
    void showQuestion(const Question &q);
    void next();
    void finishWith(const QuestionnaireResult &r);

    QLabel *m_question;
    QComboBox *m_choices;
    QLineEdit *m_field;
    QPlainTextEdit *m_transcript;
    QPushButton *m_next;
    Question m_current;
    Value m_result;
    QThread m_thread;
    QMutex m_mutex;
    QWaitCondition m_answered;
    std::optional<QString> m_answer; // guarded by m_mutex; nullopt while waiting
    bool m_cancelled = false;        // guarded by m_mutex
};

} // namespace trainyard
