<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../widgets/filedialogs.cpp" line="+17"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::AgentText</name>
    <message>
        <location filename="../engine/remote/nodeagent.cpp" line="+75"/>
        <source>trainyard agent: no word from the launcher for %1 s; stopping every rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>a plan is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <source>the working directory %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 does not exist or is not executable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not on PATH (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainyard %1 here speaks agent protocol %2, the launcher %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::AtomicText</name>
    <message>
        <location filename="../engine/system/atomicfile.cpp" line="+39"/>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>only a new whole file can be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <source>the file was not opened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::ClusterController</name>
    <message>
        <location filename="../engine/remote/clustercontroller.cpp" line="+454"/>
        <source>could not write the run record: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::ClusterText</name>
    <message numerus="yes">
        <location line="-333"/>
        <source>checking %n machine(s): %1</source>
        <translation>
            <numerusform>checking %n machine: %1</numerusform>
            <numerusform>checking %n machines: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>rank %1 on %2 printed and logged nothing for %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+65"/>
        <source>nothing was started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+63"/>
        <source>starting %n rank(s) on %1; rendezvous at %2:%3</source>
        <translation>
            <numerusform>starting %n rank on %1; rendezvous at %2:%3</numerusform>
            <numerusform>starting %n ranks on %1; rendezvous at %2:%3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+64"/>
        <source>rank %1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-49"/>
        <source>%1: its ranks ended with %2 (exit code %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::CompareText</name>
    <message>
        <location filename="../launch/runcompare.cpp" line="+37"/>
        <source>no run %1 in the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::ConfigDocument</name>
    <message>
        <location filename="../widgets/configdocument.cpp" line="+29"/>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::ConfigForm</name>
    <message>
        <location filename="../widgets/configform.cpp" line="+28"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FSDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DeepSpeed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Megatron-LM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parallelism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>torch.compile (dynamo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FP8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Search fields by key or description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+10"/>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Other keys (kept as written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+86"/>
        <source>%1 (%n matching field(s))</source>
        <translation>
            <numerusform>%1 (%n matching field)</numerusform>
            <numerusform>%1 (%n matching fields)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1: %n field(s), not used with %2</source>
        <translation>
            <numerusform>%1: %n field, not used with %2</numerusform>
            <numerusform>%1: %n fields, not used with %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1: %n field(s)</source>
        <translation>
            <numerusform>%1: %n field</numerusform>
            <numerusform>%1: %n fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n set</source>
        <translation>
            <numerusform>%n set</numerusform>
            <numerusform>%n set</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <location line="+87"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::ConfigMessages</name>
    <message>
        <location filename="../engine/config/accelerateconfig.cpp" line="+38"/>
        <source>no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is a folder, not a config file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file is %1 bytes, larger than the %2 bytes a config may have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>a config must be a mapping of keys to values, not a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+156"/>
        <source>%1 must be a mapping of keys to values, not a %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 must be true or false, not %2 &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is %2; it must be between %3 and %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: &apos;%2&apos; is a string, not a number: YAML 1.1 reads a number with an exponent only with a dot and a signed exponent; write it out in digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 must be an integer, not %2 &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 must be a number, not %2 &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>gpu_ids: %1 is read as the integer %1, and accelerate launch crashes on it; quote it: gpu_ids: &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 should be a string; quote it: &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 must be a string, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 must be a list of strings, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 must be true, false or one of %2, not &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>distributed_type: NO unquoted is the boolean false in YAML 1.1; accelerate runs it as a single process by accident; write distributed_type: &apos;NO&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: unquoted %2 is the boolean %3 in YAML 1.1, not a string; write %1: &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: &apos;%2&apos; is not one of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>; did you mean %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is a legacy key that accelerate migrates on load (to %2); `trainyard config update` rewrites the file in the current form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown key &apos;%1&apos;: accelerate refuses files with keys it does not know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; ipex_config was removed from accelerate, delete it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+67"/>
        <source>; did you mean &apos;%1&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-62"/>
        <source>distributed_type is missing; accelerate requires it (NO, MULTI_GPU, MULTI_CPU, FSDP, DEEPSPEED, ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is required for a SageMaker config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+102"/>
        <source>num_machines is %1 and main_process_ip is not set: give it when launching (--main_process_ip), or launch with --slurm, --hostfile or --hosts, which find machine 0 themselves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-55"/>
        <source>%1: unknown key; accelerate does not check keys inside %2 and nothing reads this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>num_machines must be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>num_processes is -1: the launch needs --num_processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>num_processes must be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>num_processes (%1) is the total over all machines and must be divisible by num_machines (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>num_processes is not set: the launch needs --num_processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>machine_rank (%1) must be between 0 and num_machines - 1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 with a single process: use distributed_type &apos;NO&apos; for one device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>accelerate launch ignores rdzv_backend from the file (only --rdzv_backend counts); Trainyard starts every rank itself with a static rendezvous at main_process_ip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>accelerate launch ignores same_network from the file (only --same_network counts); Trainyard always gives every rank MASTER_ADDR=main_process_ip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>accelerate launch ignores downcast_bf16 from the file; it only matters on TPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trainyard does not launch TPU (XLA) runs; accelerate launch can run this config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Trainyard starts multi-CPU ranks itself, without mpirun; the hostfile is kept for accelerate launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>gpu_ids: &apos;%1&apos; is not a GPU index; write &apos;all&apos; or indices such as &apos;0,1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>gpu_ids names fewer than two GPUs for a multi-GPU run; accelerate launch refuses it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>gpu_ids names GPU %1, but this machine has no GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>gpu_ids names GPU %1, but this machine has %n GPU(s)</source>
        <translation>
            <numerusform>gpu_ids names GPU %1, but this machine has %n GPU</numerusform>
            <numerusform>gpu_ids names GPU %1, but this machine has %n GPUs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>gpu_ids names %1 GPU(s) for %2 processes per machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>fsdp_config is used only when distributed_type is FSDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>left out, which accelerate launch reads as true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fsdp_sync_module_states is false while fsdp_cpu_ram_efficient_loading is on (%1): accelerate launch refuses this (&quot;When using `--fsdp_cpu_ram_efficient_loading` set `--fsdp_sync_module_states` to `True`&quot;); set fsdp_sync_module_states: true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>under FSDP2 fsdp_reshard_after_forward is true or false, not a sharding strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>FSDP2 supports SHARDED_STATE_DICT and FULL_STATE_DICT, not LOCAL_STATE_DICT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>FSDP2 ignores fsdp_backward_prefetch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FSDP2 ignores fsdp_sharding_strategy; use fsdp_reshard_after_forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>TRANSFORMER_BASED_WRAP without fsdp_transformer_layer_cls_to_wrap relies on the model&apos;s _no_split_modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>deepspeed_config is used only when distributed_type is DEEPSPEED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>deepspeed_config.%1 cannot be combined with deepspeed_config_file: set it in the DeepSpeed JSON file instead (accelerate refuses this at run time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>mixed_precision cannot be combined with deepspeed_config_file: set fp16/bf16 in the DeepSpeed JSON file and remove mixed_precision (accelerate refuses this at run time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>parameter offload needs ZeRO stage 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>optimizer offload needs ZeRO stage 2 or 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trainyard starts the ranks of every machine itself, as DeepSpeed&apos;s &apos;standard&apos; launcher does; the pdsh/MPI launcher setting is kept for accelerate launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the parallelism sizes multiply to %1 but num_processes is %2; they must be equal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Trainyard keeps SageMaker configs but does not launch them; use accelerate launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot create folder %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::ConfigView</name>
    <message>
        <location filename="../widgets/configview.cpp" line="+36"/>
        <source>The canonical form of the config appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click a problem to go to its field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>no problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+3"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-1"/>
        <location line="+1"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::ConfigWizard</name>
    <message>
        <location filename="../widgets/configwizard.cpp" line="+80"/>
        <source>New accelerate config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accelerate&apos;s questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The questions `accelerate config` asks, checked against this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your answers appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save the config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accelerate reads the default config when no --config_file is given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save accelerate config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>YAML (*.yaml *.yml);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+90"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Choose a file to save the config to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cannot create its folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::CopyText</name>
    <message>
        <location filename="../trackers/dbcopy.cpp" line="+201"/>
        <source>%1: no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+131"/>
        <source>%1: reading %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-118"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1.%2: not a number: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+76"/>
        <location line="+30"/>
        <source>%1: writing %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+73"/>
        <source>FROM and TO are the same database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::DiagnosticsModel</name>
    <message>
        <location filename="../widgets/diagnosticsmodel.cpp" line="+29"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::ExecutorText</name>
    <message>
        <location filename="../launch/executors.cpp" line="+46"/>
        <source>--ssh: no command given</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::FilterText</name>
    <message>
        <location filename="../trackers/runfilter.cpp" line="+73"/>
        <source>the quote %1 is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&apos;%1&apos; needs a key before %2, e.g. epochs%2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; needs a value after %2 (write &quot;&quot; for an empty one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>a run has no attribute &apos;%1&apos;; it has status, name, id and host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 compares numbers; &apos;%2&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>status takes = (or :) and !=, e.g. status:failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no status &apos;%1&apos;; a run is %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::FlagHelp</name>
    <message>
        <location filename="../engine/launch/launchargs.cpp" line="+377"/>
        <source>the accelerate config to launch with (default: accelerate&apos;s default config, when it exists)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accepted for accelerate&apos;s sake; Trainyard&apos;s launcher prints little anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run the script as a Python module (python -m MODULE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>run the program directly, without Python (a C++ LibTorch program, a shell script)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>set ACCELERATE_DEBUG_MODE in every rank (extra checks in accelerate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>train on the CPU, even where GPUs are present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>distributed data parallel over GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train on TPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train with DeepSpeed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train with PyTorch FSDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>combine data, tensor, context and sequence parallelism (the parallelism_config_* flags; with FSDP 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>train with Megatron-LM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>torchrun&apos;s --tee (0 none, 1 stdout, 2 stderr, 3 both); Trainyard always keeps every rank&apos;s output in the run folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>torchrun&apos;s log folder, for accelerate&apos;s sake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the workers&apos; role name (ROLE_NAME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>extra rendezvous settings, KEY=VALUE,... (torchrun&apos;s --rdzv_conf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>restart every rank this many times after a failure (TORCHELASTIC_RESTART_COUNT counts them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>seconds between checks of the ranks (torchrun&apos;s setting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a TPU VM to run on (repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set NAME=VALUE in every rank&apos;s environment, on every machine (repeatable; accelerate uses it for TPU VMs only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the AWS access key id for a SageMaker launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the AWS secret access key for a SageMaker launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accelerate&apos;s MPI hostfile for multi-CPU runs; Trainyard starts a machine&apos;s CPU ranks itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>OMP_NUM_THREADS for each rank (default: the physical cores divided among this machine&apos;s ranks, on CPU runs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>torch.compile&apos;s mode: default, reduce-overhead or max-autotune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>torch.compile with fullgraph=True: fail on graph breaks instead of splitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>torch.compile with dynamic shapes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compile repeated blocks once and reuse them (shorter compile times)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DeepSpeed&apos;s multi-node launcher: the hosts or GPUs to leave out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DeepSpeed&apos;s multi-node launcher: the only hosts or GPUs to use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: clip gradients to this global norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: use its own FSDP (any text but an empty one means yes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: do not load the optimizer state from a checkpoint (any text but an empty one means yes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: mask the loss at end-of-document tokens (any text but an empty one means yes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Megatron-LM: overlap the CPU optimizer&apos;s copies to and from the GPU (any text but an empty one means yes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: do not save the optimizer state (any text but an empty one means yes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Megatron-LM: keep the optimizer on the CPU (any text but an empty one means yes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Megatron-LM: the precision-aware optimizer (any text but an empty one means yes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Megatron-LM: micro-batches per pipeline step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: sequence parallelism with tensor parallelism (true or false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: recompute activations in backward (true or false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: shard the optimizer state over data-parallel ranks (true or false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Megatron-LM: decoder layers on the last pipeline stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: what to recompute (full or selective)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: how layers are chosen for recomputation (uniform or block)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: layers per recomputation unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: the attention implementation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: ranks that share the experts of a mixture-of-experts layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: ranks that split the sequence (context parallelism)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: dropout after attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: dropout of hidden states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: attention softmax in float32 (true or false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: tensor parallelism inside each expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM: average the loss over tokens instead of samples (true or false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Megatron-LM: rotary position embeddings (true or false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>keep FP8 autocast on during evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TransformerEngine: the margin for the FP8 scaling factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TransformerEngine: steps between updates of the scaling factors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TransformerEngine: how many steps of amax history the scaling uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ranks that each hold a full replica of the model (data parallelism across replicas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ranks that share one sharded replica (FSDP sharding)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tensor parallel degree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>context parallel degree (the sequence split over ranks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sequence parallel degree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the sequence length for sequence parallelism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>whether sequences vary in length under sequence parallelism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TransformerEngine: the FP8 format, HYBRID (E4M3 forward, E5M2 backward) or E4M3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TransformerEngine: how amax is taken from its history (max or most_recent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TransformerEngine: higher precision for the forward, data-gradient and weight-gradient matmuls, three booleans such as False,False,False</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MS-AMP: the optimization level (O1 or O2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>torchao: all-gather FSDP2 parameters in float8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>torchao: pad inner dimensions to multiples of 16 for float8 matmuls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the context parallel backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>how context parallel ranks exchange keys and values (allgather or alltoall)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the sequence parallel backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the attention implementation under sequence parallelism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>start nothing: print a shell script that starts this machine&apos;s ranks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with --dry-run: print every rank&apos;s argv and environment as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the Python interpreter (default: python3 on PATH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seconds between SIGTERM and SIGKILL when ranks are stopped (default 5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>report a rank that prints and logs nothing for this many seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with --watchdog: stop the run when a rank goes silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>whose output reaches the terminal: every rank&apos;s, the main rank&apos;s, or none (default all; the run folder keeps everything)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the run database (default: $TRAINYARD_DB, else $XDG_DATA_HOME/trainyard/trainyard.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the run&apos;s name in the database (default: the script&apos;s name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>record nothing from what the script gives accelerate, Trainer, Lightning or SummaryWriter (TrainyardTracker and TensorBoard event files still count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>follow the TensorBoard event files written under DIR while the run goes (default: the run&apos;s working directory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>run on the machines of FILE, one per line as HOST [slots=N]; line i is machine rank i, and every machine is started from here over SSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run on these machines: HOST[:SLOTS],... (like --hostfile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with --hostfile or --hosts: check every machine (reachable, authenticated, trainyard and the interpreter there) and start nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>submit the run as a Slurm job of num_machines nodes (sbatch) and follow it; Ctrl-C cancels the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with --slurm: the partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with --slurm: the time limit (Slurm&apos;s format)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with --slurm: the account to charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with --slurm: one more sbatch option, e.g. --slurm-arg=--gres=gpu:4 (repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>with --slurm: print the job id and return; the job records the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>used by the batch script Trainyard writes: run the ranks of run ID on the nodes of this Slurm job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>used by `trainyard runs rerun`: the new run is tagged rerun_of=ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>used by `trainyard queue run`: start run ID, recorded by `trainyard queue add`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the command that connects to a machine (default: ssh; your ssh config, agent and known hosts apply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>set NAME=VALUE in every rank&apos;s environment (repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hardware selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resource selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training paradigm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Distributed GPUs and machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DeepSpeed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FSDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Megatron-LM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FP8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AWS (SageMaker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ParallelismConfig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trainyard&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>usage: trainyard launch [FLAGS] SCRIPT_OR_PROGRAM [ARGS...]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts this machine&apos;s ranks of a training script or program with the environment accelerate launch gives them, supervises them, and records the run. Flags you type beat the config file; the file beats the flags&apos; defaults. Flags are accepted with - or _ between words. Everything after the script goes to the script.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>(default: %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::FlagMessages</name>
    <message>
        <location line="-560"/>
        <source>unknown launch flag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 takes no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: &apos;%2&apos; is not an integer (or too large)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 is out of range (%3 to %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: &apos;%2&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 is out of range (0 to 86400 seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: &apos;%2&apos; is not one of %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::FollowText</name>
    <message>
        <location filename="../trackers/import/tbfollower.cpp" line="+96"/>
        <source>TensorBoard: more than %1 folders under %2; event files beyond them are not followed (--tensorboard-dir DIR narrows the search)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::HostText</name>
    <message>
        <location filename="../engine/remote/hostfile.cpp" line="+28"/>
        <source>%1: host %2 is listed twice (one line per machine; use slots=N for several processes on it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&apos;%1&apos; is not a host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown field &apos;%1&apos; (a line is HOST [slots=N])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>slots must be a positive number, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: no hosts (a line is HOST [slots=N])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: cannot read the hostfile: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>--hosts: slots must be a positive number in &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--hosts: &apos;%1&apos; is not a host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--hosts: no hosts given</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::ImportText</name>
    <message>
        <location filename="../launch/importer.cpp" line="+61"/>
        <source>%1:%2: error: %3; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a JSON object (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a point needs a &quot;key&quot; string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;step&quot; must be an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;value&quot; must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown line type &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: offset %2: the last record is cut off (%3 bytes); skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: no scalar in its event files; not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1: %2; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+89"/>
        <source>%1:%2: not &quot;TIMESTAMP VALUE STEP&quot;; line skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1: no such file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: neither a TensorBoard logdir (no events.out.tfevents.* file under it) nor an MLflow store (no experiment folder with a meta.yaml)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::LaunchPanel</name>
    <message>
        <location filename="../widgets/launchpanel.cpp" line="+55"/>
        <source>Check &amp;hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to &amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>train.py, a module with -m in the flags, or a program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>arguments of the script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accelerate launch flags, e.g. --num_processes 2 --mixed_precision bf16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accelerate config (default: accelerate&apos;s default config)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The launch runs here: relative paths of the script, the config and its data resolve against this folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSH hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slurm job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--partition P --time 1:00:00 --account A --slurm-arg=--gres=gpu:4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gpu1,gpu2:4 (HOST[:PROCESSES],...) or a hostfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ssh (your ssh config, agent and known hosts apply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reach every host and check trainyard and the interpreter there; starts nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <location line="+6"/>
        <location line="+7"/>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Hostfile (one HOST [slots=N] per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Training script or program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+22"/>
        <source>Working directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-16"/>
        <source>accelerate config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configs (*.yaml *.yml *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Script or program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Launch flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSH command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slurm options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy as shell script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source> GPU(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What a run added to the queue asks for: N GPUs of the runner&apos;s pool (its ranks see CUDA_VISIBLE_DEVICES set to their ids; one rank per GPU unless --num_processes is given), or no GPU (a CPU slot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The ranks&apos; output appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+159"/>
        <source>%1: no such file in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: no such config file in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;run id&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+2"/>
        <source># error: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source># ---- machine %1: %2 (%n rank(s))
</source>
        <translation>
            <numerusform># ---- machine %1: %2 (%n rank)
</numerusform>
            <numerusform># ---- machine %1: %2 (%n ranks)
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source># MASTER_ADDR: machine 0&apos;s address as this machine reaches it over SSH
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+66"/>
        <location line="+16"/>
        <location line="+75"/>
        <source>The trainyard program was not found beside the studio or on PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-147"/>
        <source>Checking the hosts...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Every host is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not every host is ready: see below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+90"/>
        <location line="+65"/>
        <source>Cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+82"/>
        <source>Starting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Queued %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not add the run to the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Following a launch started earlier...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-33"/>
        <source>queued (Slurm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finishing...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+139"/>
        <source>the launch did not start; its output says why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>failed: rank %1, exit code %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>crashed: the launcher ended without recording the end of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stopping...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::LifecycleText</name>
    <message>
        <location filename="../engine/launch/lifecycle.cpp" line="+45"/>
        <source>restart %1 after %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::LogModel</name>
    <message>
        <location filename="../widgets/logsview.cpp" line="+72"/>
        <source>%1: no such run folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::LogsView</name>
    <message>
        <location line="+309"/>
        <source>Search the output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All ranks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First &amp;error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Rank %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an error was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trainyard::MainWindow</name>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="+66"/>
        <source>&lt;p&gt;Every term must hold:&lt;/p&gt;&lt;p&gt;&lt;code&gt;epochs=30 lr&amp;gt;=1e-3 loss&amp;lt;0.5&lt;/code&gt; a parameter, else a metric (rank 0&apos;s last value), else a tag&lt;br&gt;&lt;code&gt;loss.min&amp;lt;0.3 acc.max&amp;gt;0.9&lt;/code&gt; a metric&apos;s smallest or largest value&lt;br&gt;&lt;code&gt;status:failed name~bert host=gpu1&lt;/code&gt; the run&apos;s own fields&lt;br&gt;&lt;code&gt;params.lr=0.1 metrics.loss&amp;lt;1 tags.team=vision note~ablation&lt;/code&gt;&lt;br&gt;&lt;code&gt;&quot;two words&quot; resnet&lt;/code&gt; text anywhere&lt;/p&gt;&lt;p&gt;Operators: = (or :) != &amp;lt; &amp;gt; &amp;lt;= &amp;gt;= ~ (contains). The same query works in &lt;code&gt;trainyard runs list --filter&lt;/code&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+747"/>
        <source>Trainyard Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-699"/>
        <source>Filter: epochs&gt;5 loss&lt;0.5 status:failed name~bert note~text ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot read the filter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;mpare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overlay the selected runs&apos; curves and list what differs between them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;weeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No sweeps yet (trainyard sweep FILE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No grouping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group by host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No run matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p&gt;&lt;b&gt;No runs yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Start one from the &lt;b&gt;Launch&lt;/b&gt; tab (Alt+2), or from a terminal:&lt;br&gt;&lt;code&gt;trainyard launch --num_processes 2 train.py&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Runs launched anywhere on this machine appear here by themselves, with their metrics, logs and status.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Group by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Co&amp;mpare Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+367"/>
        <source>Select two or more runs to compare (Ctrl+click).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-352"/>
        <source>&amp;Delete Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the run %1, its metrics and its logs?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit &amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edit &amp;Tags...</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Imported %n run(s) (%1 points) from %2.</source>
        <translation>
            <numerusform>Imported %n run (%1 points) from %2.</numerusform>
            <numerusform>Imported %n runs (%1 points) from %2.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import from %1 stopped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n problem(s): damaged records or lines were skipped.</source>
        <translation>
            <numerusform>%n problem: damaged records or lines were skipped.</numerusform>
            <numerusform>%n problems: damaged records or lines were skipped.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Live push connection closed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New Config with &amp;Wizard...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open Config...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save &amp;As / Export...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import Runs from Folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import a TensorBoard logdir or an MLflow mlruns folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import Runs from Fi&amp;le...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import a TensorBoard event file or a tracker JSONL file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event and tracker files (events.out.tfevents.* *.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re&amp;load Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Se&amp;ttings...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Next Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Previous Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Close Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Trainyard Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Trainyard Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainyard Studio %1
Configure, estimate, launch and monitor PyTorch training runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Importing %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Sweep stopped: %1 waiting trial(s) removed, %2 running trial(s) stopping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>More trials queued; they appear as they start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot continue the sweep: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sweep: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Compare: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+136"/>
        <location line="+27"/>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Open accelerate config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configs (*.yaml *.yml *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Config has errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n error(s) in this config: accelerate launch would refuse it. The Problems list says where. Save it anyway?</source>
        <translation>
            <numerusform>%n error in this config: accelerate launch would refuse it. The Problems list says where. Save it anyway?</numerusform>
            <numerusform>%n errors in this config: accelerate launch would refuse it. The Problems list says where. Save it anyway?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+6"/>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-582"/>
        <source>Group the runs by a parameter, their status or their host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+596"/>
        <source>Save accelerate config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YAML (*.yaml *.yml);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1%2 - Trainyard Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Unsaved config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Tags of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One KEY=VALUE per line (the filter reads them: team=vision):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not KEY=VALUE: %1; the tags were not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <source>A run is in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A run started from this window is still running. Stop it (every rank is terminated and the run is recorded as cancelled), or keep it running without the window? Trainyard Studio follows it again when you open it next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Stop the Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep Running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::MemoryView</name>
    <message>
        <location filename="../widgets/memoryview.cpp" line="+106"/>
        <source>Micro-batch size per GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>from the launch config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The dtype the device map places (float32 unless chosen, as the CLI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 80GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory of one GPU: each strategy&apos;s total is checked against it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a model folder (config.json or safetensors), or a config.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accelerate config for the training estimate (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Launch config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Max memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>dtype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Largest layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training using Adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>GiB per GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+181"/>
        <source>GPU %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CPU %1 available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Training as launched (%1): %2 per GPU; %3 GPU(s), mixed precision %4, batch %5 x %6 tokens; device map in %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Device map for this machine (%1); give Max memory to plan for other devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On one GPU, DDP, FSDP and ZeRO shard nothing, so their totals below are the same; set the GPU count (or a launch config&apos;s num_processes) to compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training fits on the GPU with %1 to spare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training does NOT fit on the GPU: %1 short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>fits %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-185"/>
        <source>Estimating...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-233"/>
        <source>weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fp32 master weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optimizer states (Adam)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gathered unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fragmentation allowance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+234"/>
        <source>cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>GPU memory: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 parameters; largest layer %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>(whole model)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::PlanMessages</name>
    <message>
        <location filename="../engine/launch/launchplan.cpp" line="+68"/>
        <source>use only one of --multi_gpu, --cpu, --tpu, --use_deepspeed, --use_fsdp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--multi_gpu needs at least 2 processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--use_parallelism_config needs --use_fsdp with --fsdp_version 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--module and --no_python cannot be used together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no training script or program given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>use --hostfile or --hosts, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>--machine_rank cannot be used with %1: every machine is started from here, line i of the hosts as machine rank i</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%1 lists %n machine(s), but num_machines is %2 (from %3); make them agree</source>
        <translation>
            <numerusform>%1 lists %n machine, but num_machines is %2 (from %3); make them agree</numerusform>
            <numerusform>%1 lists %n machines, but num_machines is %2 (from %3); make them agree</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: every machine runs the same number of processes, but %2 has slots=%3 and another slots=%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 gives slots=%2 on each of %3 machines (%4 processes), but num_processes is %5 (from %6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>num_processes was not given: one process on each of the %n machine(s)</source>
        <translation>
            <numerusform>num_processes was not given: one process on each of the %n machine</numerusform>
            <numerusform>num_processes was not given: one process on each of the %n machines</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>this is a SageMaker config; Trainyard does not launch SageMaker jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>the config does not say how many processes to start; pass --num_processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--num_processes was not given and no config was found; using %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>unknown mixed_precision mode &apos;%1&apos;; choose one of no, fp16, bf16, fp8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>--%1: &apos;%2&apos; is not a truth value (true/false, yes/no, on/off, 1/0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>--fp8_override_linear_precision: &apos;%1&apos; is not a truth value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>fp8 override_linear_precision needs three values (fprop, dgrad, wgrad), not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>unknown dynamo backend &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>fsdp_cpu_ram_efficient_loading is on and fsdp_sync_module_states is off: accelerate launch refuses this (&quot;When using `--fsdp_cpu_ram_efficient_loading` set `--fsdp_sync_module_states` to `True`&quot;); set fsdp_sync_module_states to true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>fsdp_cpu_ram_efficient_loading with fsdp_sync_module_states false: only rank 0 loads the weights, so the others need them broadcast; accelerate&apos;s FSDP1 plugin turns fsdp_sync_module_states on when the run starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+104"/>
        <source>main_process_port is 0 (pick a free port), but only machine 0 can pick it; give machine %1 the port machine 0 chose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>main_process_port 0: using free port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>port %1 on this machine (machine 0) is in use; the other machines expect the rendezvous there. Free it or choose another main_process_port on every machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>port %1 is in use; using free port %2 instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Trainyard does not launch TPU (XLA) runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>num_processes must be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>num_processes (%1) must be divisible by num_machines (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>machine_rank %1 is outside 0..%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>less than two GPU ids were configured for a multi-GPU run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--slurm runs on the nodes Slurm gives the job: leave out --hostfile and --hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>several machines need main_process_ip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>main_process_port 0: machine 0 picks a free port when the run starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>--env %1: expected NAME=VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Generated by Trainyard: the ranks of machine %1 of %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::QuestionnaireText</name>
    <message>
        <location filename="../engine/config/questionnaire.cpp" line="+39"/>
        <source> (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a number [%1]: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Please enter a number between 0 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source> [YES/no]: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source> [yes/NO]: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Please answer yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Please enter a whole number from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please enter a whole number of at least %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Please enter a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>An answer is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Do you want to specify a json file to a DeepSpeed config?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please enter the path to the json DeepSpeed config file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What should be your DeepSpeed&apos;s ZeRO optimization stage?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where to offload optimizer states?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where to offload parameters?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>NVMe path to offload parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NVMe path to offload optimizer states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many gradient accumulation steps you&apos;re passing in your script?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to use gradient clipping?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is the gradient clipping value?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to save 16-bit model weights when using ZeRO Stage-3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Do you want to enable `deepspeed.zero.Init` when using ZeRO Stage-3 for constructing massive models?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do you want to enable Mixture-of-Experts training (MoE)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Specify the comma-separated list of transformers MoE layer class names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Which Type of launcher do you want to use?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DeepSpeed configures multi-node compute resources with hostfile. Path to the hostfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to specify exclusion filter string?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DeepSpeed exclusion filter string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do you want to specify inclusion filter string?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DeepSpeed inclusion filter string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What should be your FSDP version?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What should be your sharding strategy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Do you want to enable resharding after forward?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do you want to offload parameters and gradients to CPU?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What should be your auto wrap policy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to use the model&apos;s `_no_split_modules` to wrap?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Specify the comma-separated list of transformer layer class names (case-sensitive) to wrap, e.g. `BertLayer`, `GPTJBlock`, `T5Block`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What should be your FSDP&apos;s minimum number of parameters for Default Auto Wrapping Policy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What should be your FSDP&apos;s backward prefetch policy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What should be your FSDP&apos;s state dict type?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to enable FSDP&apos;s forward prefetch policy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to enable FSDP&apos;s `use_orig_params` feature?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do you want to enable CPU RAM efficient model loading? Only applicable for Transformers models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Do you want each individually wrapped FSDP unit to broadcast module parameters from rank 0 at the start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Do you want to enable FSDP activation checkpointing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do you want to use the parallelism config?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What is the %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What context parallel communication strategy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Do you wish to use mixed precision?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Which FP8 backend do you want to use?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Do you want to use FP8 autocast during eval mode?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What margin should be used for gradient scaling?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What interval should be used for when to recompute the scaling factor?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Which weight format should be used?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What length of history should be used for the amax scaling factor computation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Which algorithm should be used for the amax scaling factor computation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Do you want to execute `fprop`, `dgrad`, and `wgrad` GEMMS in higher precision?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Should `%1` be executed in higher precision?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What optimization level should be used?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to enable FSDP2 float8 all-gather?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do you want to pad the inner dimension of weight matrices?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No distributed training</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Detected %n NVIDIA GPU(s).</source>
        <translation>
            <numerusform>Detected %n NVIDIA GPU.</numerusform>
            <numerusform>Detected %n NVIDIA GPUs.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No GPU detected on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which type of machine are you using?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>How many different machines will you use (use more than 1 for multi-node training)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What is the rank of this machine?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is the IP address of the machine that will host the main process?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What is the port you will use to communicate with the main process?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Are all the machines on the same local network?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What rendezvous backend will you use? (&apos;static&apos;, &apos;c10d&apos;, ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Should distributed operations be checked while running for errors? This can avoid timeout issues but will be slower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Do you want to run your training on CPU only (even if a GPU / Apple Silicon / Ascend NPU device is available)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Do you want to launch your training with mpirun?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the path to the hostfile to use with mpirun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Do you wish to optimize your script with torch dynamo?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Which dynamo backend would you like to use?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to customize the defaults sent to torch.compile?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Which mode do you want to use?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do you want the fullgraph mode or it is ok to break model into several subgraphs?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do you want to enable dynamic shape tracing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do you want to enable regional compilation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Do you want to use DeepSpeed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Do you want to use FullyShardedDataParallel?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do you want to use Megatron-LM?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What is the Tensor Parallelism degree/size?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do you want to enable Sequence Parallelism?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is the Pipeline Parallelism degree/size?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What is the number of micro-batches?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do you want to enable selective activation recomputation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you want to use distributed optimizer which shards optimizer state and gradients across data parallel ranks?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What is the gradient clipping value based on global L2 Norm (0 to disable)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TPU cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How many %1 should be used for distributed training (in total over all machines)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The number of processes must be divisible by the number of machines (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>This machine has %n GPU(s); %1 processes per machine would share GPUs.</source>
        <translation>
            <numerusform>This machine has %n GPU; %1 processes per machine would share GPUs.</numerusform>
            <numerusform>This machine has %n GPUs; %1 processes per machine would share GPUs.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Note: no GPU was detected here; the config is kept for a machine that has them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One process on one machine is not distributed training: the type is set to &apos;No distributed training&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What GPU(s) (by id) should be used for training on this machine as a comma-separated list?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos; is not a GPU of this machine (it has GPUs 0 to %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is not a GPU index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Would you like to enable numa efficiency? (Currently only supported on NVIDIA hardware).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What is the name of the function in your script that should be launched in all parallel scripts?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>In which compute environment are you running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AWS (Amazon SageMaker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trainyard does not create SageMaker configs; use `accelerate config` for those</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the input ended before the questionnaire was complete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::QueueModel</name>
    <message>
        <location filename="../widgets/queuemodel.cpp" line="+116"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%n GPU(s)</source>
        <translation>
            <numerusform>%n GPU</numerusform>
            <numerusform>%n GPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n CPU slot(s)</source>
        <translation>
            <numerusform>%n CPU slot</numerusform>
            <numerusform>%n CPU slots</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Asks for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::QueuePanel</name>
    <message>
        <location filename="../widgets/queuepanel.cpp" line="+35"/>
        <location line="+196"/>
        <source>&amp;Start Runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-195"/>
        <location line="+194"/>
        <source>&amp;Pause Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-193"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To &amp;Top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>every GPU NVML sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The GPU ids the runner gives out, e.g. 0,1,2,3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many runs without GPUs may run at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add runs from the Launch tab (Add to Queue) or with `trainyard queue add`; the runner starts them as GPUs free up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GPU pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU slots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+86"/>
        <source>The trainyard program was not found beside the studio or on PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The runner stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The runner ended (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Runner started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>&amp;Resume Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop Runner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::QueueRunText</name>
    <message>
        <location filename="../launch/queue.cpp" line="+106"/>
        <source>cannot create the run folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot write %1/run.json: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+4"/>
        <location line="+73"/>
        <location line="+3"/>
        <source>cannot open the run database %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-52"/>
        <source>cannot queue the run in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>run %1 is not in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run %1 is %2: stop it first (Stop in the studio, or `kill -INT %3`, its launcher)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>another queue runner (pid %1) serves %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>cannot read the queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>its launcher ended before it started the run; its output is in %1/launcher.log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot record run %1 as failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>run %1 asks for %2 GPU(s); the pool has %3 (%4): it waits until a runner with more starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>run %1 asks for %2 CPU slot(s); this runner has %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot start run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::QueueText</name>
    <message>
        <location filename="../trackers/queuestore.cpp" line="+185"/>
        <source>run %1 is not waiting in the queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::ReaderMessages</name>
    <message>
        <location filename="../engine/config/yamlio.cpp" line="+191"/>
        <source>aliases expand to more than %1 values; a config never needs that many (is it an alias bomb?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>more than %1 keys and values; a config has a few hundred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>an alias refers to a collection that contains it; the value would be infinite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>values are nested more than %1 levels deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>tag &apos;%1&apos; is not allowed: accelerate reads configs with yaml.safe_load, which refuses it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>a mapping key must be a plain value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+110"/>
        <source>file is %1 bytes, larger than the %2 bytes a config may have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>file is binary (it contains a NUL byte), not YAML or JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>file is not valid UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file is empty: a config needs at least distributed_type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>JSON syntax error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>tab character in indentation: YAML indents with spaces only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>YAML syntax error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>file holds no settings: a config needs at least distributed_type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::RemoteText</name>
    <message>
        <location filename="../engine/remote/remotemachine.cpp" line="+121"/>
        <source>%1: cannot run the SSH command %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-33"/>
        <source>%1: no answer from the machine within %2 s%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1: no word from the machine for %2 s (its network or the machine is down); its ranks stop themselves when they stop hearing from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+71"/>
        <location line="+20"/>
        <location line="+47"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+77"/>
        <source>%1: srun could not start the agent (exit code %2)%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: cannot connect: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the SSH client exited with 255</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: cannot run %2 there: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the agent exited with %2 before answering%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: lost the connection to the machine (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::RunCompareModel</name>
    <message>
        <location filename="../widgets/runcomparemodel.cpp" line="+27"/>
        <source>Cannot compare the runs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::RunControlText</name>
    <message>
        <location filename="../launch/runcontrol.cpp" line="+30"/>
        <source>the run&apos;s launcher does not run on this machine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::RunController</name>
    <message>
        <location filename="../engine/launch/runcontroller.cpp" line="+214"/>
        <source>could not write the run record: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+235"/>
        <source>cannot write %1: %2; rank %3&apos;s output goes on to the terminal only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::RunDashboard</name>
    <message>
        <location filename="../widgets/rundashboard.cpp" line="+213"/>
        <source>&amp;Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Folder for the chart images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-88"/>
        <source>&amp;Mean of ranks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>System: CPU, memory and GPU of every rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ranks that printed and logged nothing for longer than the launch&apos;s --watchdog time. Their Python stacks are in the run folder (stacks-rank-N.txt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Python S&amp;tacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the launcher for every Python rank&apos;s stacks (faulthandler): they are appended to stacks-rank-N.txt in the run folder. Nothing stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Weight of the exponential moving average, computed on every logged point; the raw curve stays underneath, faded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The x axis: the step each point was logged at, or seconds since its run started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One line per run: the mean over its ranks, with the band from the lowest to the highest value of any rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reset Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the whole runs again and follow new points (or double-click a chart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Chart data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+13"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Stop R&amp;un</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop this run as Ctrl-C would (SIGTERM, then SIGKILL after the grace period; recorded as cancelled). Again: kill its ranks at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run &amp;Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start this run&apos;s command again as a new run: the same working directory, flags and config file as launched (trainyard runs rerun)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Replace chart images</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s) already in %1 would be replaced:
%2</source>
        <translation>
            <numerusform>%n file already in %1 would be replaced:
%2</numerusform>
            <numerusform>%n files already in %1 would be replaced:
%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n chart(s) written to %1</source>
        <translation>
            <numerusform>%n chart written to %1</numerusform>
            <numerusform>%n charts written to %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Charts as &amp;PNG...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Charts as S&amp;VG...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Raw points as CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Raw points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Raw points as &amp;JSONL...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Buckets on screen as CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <source>Written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Loading metrics...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 (smoothed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+78"/>
        <source>incomplete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exit code %1 (rank %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>duration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Parameters: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>compare-%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Cannot stop the run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopping the run...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot ask for the stacks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>the run is not running on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-223"/>
        <source>Cannot read the run database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+282"/>
        <source>rank %1 silent for %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n metric(s); drag to pan, wheel to zoom, double-click for all.</source>
        <translation>
            <numerusform>%n metric; drag to pan, wheel to zoom, double-click for all.</numerusform>
            <numerusform>%n metrics; drag to pan, wheel to zoom, double-click for all.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+186"/>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-186"/>
        <location line="+187"/>
        <source>seconds since start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+82"/>
        <source>rank %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>mean of %n rank(s)</source>
        <translation>
            <numerusform>mean of %n rank</numerusform>
            <numerusform>mean of %n ranks</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+154"/>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-480"/>
        <location line="+486"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-545"/>
        <source>Asked every Python rank for its stacks...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No Python rank answered: none registered for stack dumps (C++ ranks, or ranks still starting). Files would be in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Python stacks of %n rank(s), also in %1/stacks-rank-N.txt</source>
        <translation>
            <numerusform>Python stacks of %n rank, also in %1/stacks-rank-N.txt</numerusform>
            <numerusform>Python stacks of %n ranks, also in %1/stacks-rank-N.txt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Python stacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rank %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each rank&apos;s dumps are kept in %1/stacks-rank-N.txt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <source>No metrics were logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the first metrics (from accelerate, Trainer, Lightning, TensorBoard or TrainyardTracker)...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+449"/>
        <source>-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-574"/>
        <location line="+639"/>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::RunText</name>
    <message>
        <location filename="../engine/launch/runcontroller.cpp" line="-382"/>
        <source>failed to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>killed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+82"/>
        <source>the launcher was closed during the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+357"/>
        <source>trainyard: cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+143"/>
        <source>rank %1 printed and logged nothing for %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>rank %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::RunsGroupModel</name>
    <message>
        <location filename="../widgets/runsgroupmodel.cpp" line="+115"/>
        <source>no %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 · %n run(s): %2</source>
        <translation>
            <numerusform>%1 · %n run: %2</numerusform>
            <numerusform>%1 · %n runs: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trainyard::RunsModel</name>
    <message>
        <location filename="../widgets/runsmodel.cpp" line="+128"/>
        <source>the import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1, incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 on %2, exit code %3
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incomplete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Parameter %1, as the run logged it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::SessionText</name>
    <message>
        <location filename="../launch/launchsession.cpp" line="+148"/>
        <source>%1; the run&apos;s outcome could not be kept either (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+136"/>
        <source>cannot create the run folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+5"/>
        <source>cannot open the run database %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>run %1 is not in %2 (it is created by `trainyard launch --slurm` or `trainyard queue add`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>run %1 is %2, not queued: it was started already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot record the run in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot start the metrics server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>cannot reserve the run&apos;s outcome file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::SettingsDialog</name>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="+94"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A SQLite file, or a PostgreSQL server shared by a team: postgresql://USER@HOST:PORT/DATABASE (keep the password in ~/.pgpass: these settings are a plain file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SQLite database (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Run &amp;database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TRAINYARD_DB is set in the environment and takes precedence: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language applies when the studio starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::SlurmSubmitText</name>
    <message>
        <location filename="../launch/slurmsubmit.cpp" line="+50"/>
        <source>cannot create the run folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot open the run database %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot record the run in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sbatch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Slurm refused the job: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::StoreText</name>
    <message>
        <location filename="../trackers/store.cpp" line="+392"/>
        <source>cannot make the run database&apos;s tables: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the server&apos;s run database has schema version %1; this Trainyard reads version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+133"/>
        <source>%1: the run database is damaged (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: not a Trainyard run database (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: cannot write the run database (%2); check the file&apos;s and its folder&apos;s permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: not a file (%2); the run database must be a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a pipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a device or socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+306"/>
        <source>no run %1 in the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the run is still %1; stop it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+246"/>
        <source>%1: no such database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1: schema version %2 is newer than this Trainyard supports (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: the run database is damaged (%2); what was read before the damage may be incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n point(s) and the run&apos;s end could not be stored (%1)</source>
        <translation>
            <numerusform>%n point and the run&apos;s end could not be stored (%1)</numerusform>
            <numerusform>%n points and the run&apos;s end could not be stored (%1)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the run&apos;s end could not be stored (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n point(s) dropped by the trackers</source>
        <translation>
            <numerusform>%n point dropped by the trackers</numerusform>
            <numerusform>%n points dropped by the trackers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the tracker of rank(s) %1 never said it finished: its last points may be missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::StudioText</name>
    <message>
        <location filename="../app/studio/main.cpp" line="+29"/>
        <source>Trainyard Studio: configure, launch, watch and compare PyTorch training runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accelerate configs (YAML or JSON) to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the charts of the run with this id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overlay these runs and list what differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Estimate the memory of a model (a folder, config.json or safetensors).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open run charts with this smoothing weight (0 to 0.999).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the window to PNG once shown, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>`trainyard-studio --help` lists the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--smoothing takes a number from 0 to 0.999</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::SweepModel</name>
    <message>
        <location filename="../widgets/sweepmodel.cpp" line="+131"/>
        <source>%1 (best)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The trainyard program or the sweep file was not found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::SweepText</name>
    <message>
        <location filename="../launch/sweep.cpp" line="+136"/>
        <source>cannot read the sweep file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a sweep configuration is a mapping (program, method, parameters, ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown key &apos;%1&apos; (a sweep has %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>method must be grid, random or bayes (it is &apos;%1&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>metric.goal must be minimize or maximize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>metric is a mapping: name and goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the bayes method needs metric.name, the value it optimises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>run_cap is a number of runs, at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>command is a list of words, e.g. [${env}, ${interpreter}, ${program}, ${args}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>early_terminate.type: only hyperband is known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>hyperband needs min_iter, or max_iter and s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hyperband&apos;s eta must be greater than 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>early termination needs metric.name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>parameters is a mapping of names to their values or distributions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+36"/>
        <source>parameter %1: give value, values, or min and max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-33"/>
        <source>parameter %1: nested parameters are not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>parameter %1: values is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>parameter %1: probabilities must be one per value and add up to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>parameter %1: min is greater than max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>parameter %1: unknown distribution &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>parameter %1: %2 needs min and max above 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the sweep names no program (program: train.py)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1:%2: parameter %3 (%4) has no finite set of values for a grid: give values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the grid has more than 100000 combinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+127"/>
        <source>the command uses ${program}, and the sweep names no program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the command gives nothing to run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>no sweep %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+70"/>
        <source>a %1 sweep runs until it is told how many trials: give --trials N (or run_cap in the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1:%2: the bayes method (Optuna) takes uniform, log-uniform, q- and int-uniform and categorical parameters; %3 is %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the Optuna helper (%1) did not answer: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the trials wait in the queue that %1 serves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+63"/>
        <source>the Optuna helper stopped answering: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <source>the run database %1 is gone; the sweep ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>cannot queue trial %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+87"/>
        <source>hyperband: %1 = %2 at iteration %3, outside the best 1/%4 (%5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::SweepView</name>
    <message>
        <location filename="../widgets/sweepview.cpp" line="+41"/>
        <source>&amp;More Trials...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top Sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Queue more trials of this sweep (trainyard sweep FILE --continue ID --trials N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the waiting trials off the queue and stop the running ones (SIGINT: they end cancelled, their points kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>More trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How many more trials?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>%1: %2, %3 %4 · %n trial(s)</source>
        <translation>
            <numerusform>%1: %2, %3 %4 · %n trial</numerusform>
            <numerusform>%1: %2, %3 %4 · %n trials</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 running, %2 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>best: trial %1, %2 = %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::cli::AgentCliText</name>
    <message>
        <location filename="../app/cli/agentcommand.cpp" line="+27"/>
        <source>trainyard agent: takes no arguments (a launch with --hostfile or --hosts starts it and speaks to it on stdin and stdout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainyard agent: the node agent of multi-machine launches, waiting for a launcher on stdin (`trainyard launch --hostfile FILE ...` starts it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::cli::CliText</name>
    <message>
        <location filename="../app/cli/commands.cpp" line="+68"/>
        <source>trainyard config init: unexpected argument %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: a config already exists there; pass --force to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>trainyard config init: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>configuration saved at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainyard config validate: give at least one FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 file(s) checked: %2 error(s), %3 warning(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--format takes yaml or json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>trainyard config show: unexpected argument %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>trainyard config show: give a FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>trainyard config update: give one FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: not rewritten; fix the errors first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>configuration updated at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>trainyard launch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>`trainyard launch --help` lists the flags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>trainyard launch: --check needs --hostfile or --hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source># launcher: %1, %2 process(es) on %3 machine(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source># ---- machine %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy-and-paste the text below in your GitHub issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+71"/>
        <source>trainyard: unknown command %1
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::cli::DbText</name>
    <message numerus="yes">
        <location filename="../app/cli/dbcommand.cpp" line="+26"/>
        <source>copied %n run(s) (%1 points) from %2 to %3
</source>
        <translation>
            <numerusform>copied %n run (%1 points) from %2 to %3
</numerusform>
            <numerusform>copied %n runs (%1 points) from %2 to %3
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>left out %n run(s) %1 already holds: %2
</source>
        <translation>
            <numerusform>left out %n run %1 already holds: %2
</numerusform>
            <numerusform>left out %n runs %1 already holds: %2
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>trainyard db copy: %1
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::cli::EstimateCliText</name>
    <message>
        <location filename="../app/cli/estimatecommand.cpp" line="+189"/>
        <source>trainyard estimate-memory: unexpected argument %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>trainyard estimate-memory: --max-memory: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>counts the untied LM head (%1 parameters), which accelerate estimate-memory leaves out because it sizes the base AutoModel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Memory Usage for loading `%1`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>parameters: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>largest layer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>device_map (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>training memory per GPU: %1, %2 GPU(s), mixed precision %3, batch %4 x %5 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-190"/>
        <location line="+201"/>
        <source>total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-213"/>
        <source>per GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>fits %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training memory per GPU for `%1`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 GPU(s), mixed precision %2, batch %3 x %4 tokens, Adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>usage: trainyard estimate-memory MODEL [--json] [--dtype float32|float16|bfloat16|int8|int4]
       [--max-memory 0=8GiB,1=8GiB,cpu=64GiB] [--device-map auto|balanced|balanced_low_0|sequential]
       [--config_file F] [--batch-size N] [--seq-len L]
       [--strategies] [--num_processes N] [--mixed_precision no|fp16|bf16|fp8]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+143"/>
        <source>fits on GPU 0 (%1) with %2 to spare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>does NOT fit on GPU 0 (%1): %2 short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>note: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::cli::HelpText</name>
    <message>
        <location filename="../app/cli/help.cpp" line="+19"/>
        <source>
Exit codes: 0 success, 1 failure (errors found, a run that failed), 2 usage error.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>usage: trainyard &lt;command&gt; [options]

Configure, launch, watch and size PyTorch training runs (accelerate-compatible).

commands:
  config init [-o FILE] [--defaults] [--force]   accelerate&apos;s questionnaire, or detected defaults
  config validate FILE...                        FILE:LINE:COL: error|warning: message
  config show FILE [--format yaml|json]          the form accelerate holds after loading
  config update FILE                             rewrite in canonical form, atomically
  launch [FLAGS] SCRIPT [ARGS...]                start and supervise this machine&apos;s ranks
  runs list|show|diff|export|import|rm|tag|note the run database
  queue add|list|rm|move|pause|resume|run        queued runs, started as GPUs free up
  sweep FILE [--json] [--trials N] [FLAGS]       a W&amp;B sweep file&apos;s trials, on the queue
  estimate-memory MODEL [OPTIONS]                memory per device and the device map
  env                                            versions, devices, default config
  db copy FROM TO                                runs between a SQLite file and a PostgreSQL server

`trainyard COMMAND --help` (or `trainyard help COMMAND`) tells more; `trainyard --version` prints the version.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>usage: trainyard db copy FROM TO

Copies every run of FROM that TO lacks (by its id, the uid) with everything stored of it: its fields,
parameters, tags, log lines, every point of every series, system metrics, its queue entry. Runs get
new numbers in TO; a run TO already holds is left out and named. Each run is copied in one transaction.

FROM and TO: a SQLite file (made when TO does not exist), or a PostgreSQL server as libpq takes it:
postgresql://USER@HOST:PORT/DATABASE?sslmode=require (a password comes from PGPASSFILE or ~/.pgpass,
never from the command line). The run folders (logs, config) stay where they are.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>usage: trainyard config init [-o FILE] [--defaults] [--force]

Asks accelerate config&apos;s questions on the terminal (checked against the GPUs found here) and saves the answers, atomically.

  -o, --output FILE   where to save (default: accelerate&apos;s default config, $HF_HOME/accelerate/default_config.yaml)
  --defaults          no questions: a config for the detected hardware
  --force             replace an existing file
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>usage: trainyard config validate FILE...

Checks configs as accelerate would read them and prints one line per problem: FILE:LINE:COL: error|warning: message.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>usage: trainyard config show FILE [--format yaml|json]

Prints the config in canonical form: what accelerate holds after loading it (migrations and defaults applied).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>usage: trainyard config update FILE

Rewrites the file in canonical form, atomically (refused while it has errors).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>usage: trainyard config init|validate|show|update ...

  init       accelerate&apos;s questionnaire, or detected defaults
  validate   check configs: FILE:LINE:COL: error|warning: message
  show       the canonical form accelerate holds after loading
  update     rewrite in canonical form, atomically

`trainyard config SUBCOMMAND --help` tells more.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>  --db PATH   the run database that holds the queue (default: $TRAINYARD_DB, else $XDG_DATA_HOME/trainyard/trainyard.db)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>usage: trainyard queue add [--gpus N] [--cpu-slots N] [--name NAME] [launch flags] SCRIPT [ARGS...]

Records a run as queued (it shows in `runs list` and the studio at once) and prints its id. It starts, with the working directory and environment it was queued with, when `trainyard queue run` finds what it asks for free.

  --gpus N        the run takes N GPUs of the pool; its ranks see CUDA_VISIBLE_DEVICES set to their ids (without --num_processes: one rank per GPU)
  --cpu-slots N   without --gpus: the CPU slots it takes (default 1); its ranks see no GPU
  launch flags    any of `trainyard launch` (--config_file, --hosts, --env, --name, ...), checked now; a --hosts run takes its machines
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>usage: trainyard queue run [--gpus LIST] [--cpu-slots N] [--until-empty] [--db PATH]

Starts queued runs, in order, as GPUs and CPU slots free up; runs that overlap in time never share a GPU id. The first run that does not fit holds back those behind it. Each run gets a launcher of its own: stopping or killing the runner leaves them running, and the next runner takes them over. One runner per database.

  --gpus LIST     the GPU pool, e.g. 0,1,2,3 (default: every GPU NVML sees); a GPU another program uses is not free
  --cpu-slots N   how many CPU slots runs without GPUs share (default 1)
  --until-empty   return when nothing waits and nothing started runs
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>usage: trainyard queue add|list|rm|move|pause|resume|run ...

  add [--gpus N] [launch flags] SCRIPT [ARGS...]   queue a run; prints its id
  list [--json] [--all]                          waiting (in order) and running runs; --all: finished ones too
  rm ID                                          remove a waiting run
  move ID --to N                                 make a waiting run the N-th to start
  pause | resume                                 stop or go on starting runs (what runs goes on)
  run [--gpus LIST] [--cpu-slots N] [--until-empty]   start runs as resources free up

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>  --db PATH   the run database (default: $TRAINYARD_DB, else $XDG_DATA_HOME/trainyard/trainyard.db)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>usage: trainyard runs show ID [--json] [--db PATH]

One run: status, command, config, parameters, its metrics and their last values.

  --json      one JSON object
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>usage: trainyard runs diff ID ID... [--json] [--db PATH]

What differs between runs: launch, config, parameters, last metric values.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>usage: trainyard runs export ID [--format csv|jsonl] [--db PATH]

Every point of a run on standard output (default: csv).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>usage: trainyard runs import PATH [--db PATH]

Runs from elsewhere, every point kept:
  a JSONL file written by trainyard_tracker outside a launch (or by runs export --format jsonl): one run;
  a TensorBoard logdir or event file: one run per folder that holds events.out.tfevents.* files, named by its path inside the logdir (scalars, hparams);
  an MLflow file store (mlruns/): every run with its metrics, params, tags, name and times.
A damaged record or a malformed metric line is skipped with a warning naming the file and offset or line; the rest is kept.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>usage: trainyard runs rm ID [--db PATH]

Deletes a run: its rows, its points and its folder. A run whose launcher still runs is refused.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-129"/>
        <source>usage: trainyard sweep FILE [--json] [--trials N] [--parallel N] [--seed S] [--gpus N] [--continue ID] [--db PATH] [launch flags]

Runs the trials of a W&amp;B sweep file (program, method grid|random|bayes, metric, parameters with value, values, min/max and distribution, command and its macros, early_terminate hyperband, run_cap). Each trial is a queued run with its parameters recorded on it; the objective is the last value of metric.name its rank 0 logged. The sweep serves the queue itself unless a `trainyard queue run` (or the studio) already does.

  --trials N     how many trials (random and bayes need it, or run_cap; grid: at most N of its combinations)
  --parallel N   trials at once (CPU slots of the sweep&apos;s runner; bayes: trials in flight)
  --seed S       the same trials again (random; bayes through Optuna&apos;s sampler)
  --gpus N       every trial takes N GPUs of the queue&apos;s pool
  --continue ID  N more trials of sweep ID (bayes learns from its trials so far)
  --json         last line: {&quot;sweep&quot;: ID, &quot;trials&quot;: [...], &quot;best&quot;: {&quot;run&quot;: ID, &quot;params&quot;: {...}, &quot;value&quot;: X}}
  launch flags   any of `trainyard launch`, given to every trial
bayes uses Optuna (Debian: python3-optuna). Ctrl-C stops the sweep: waiting trials leave the queue, running ones are stopped.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+73"/>
        <source>usage: trainyard runs list [--json] [--filter QUERY] [--db PATH]

Every run, newest first: id, name, status, start, duration, exit code.

  --json      one JSON array
  --filter QUERY   only the runs that match every term of QUERY (the studio&apos;s runs filter):
      epochs=30 lr&gt;=1e-3 loss&lt;0.5   a parameter, else a metric (rank 0&apos;s last value), else a tag
      loss.min&lt;0.3 acc.max&gt;0.9      a metric&apos;s smallest or largest value
      status:failed name~bert host=gpu1 id=ID   the run&apos;s own fields
      params.lr=0.1 metrics.loss&lt;1 tags.git_branch=main note~ablation
      &quot;two words&quot; resnet              text in the name, id, status, parameters or tags
    operators = (or :) != &lt; &gt; &lt;= &gt;= ~ (contains); numbers compare as numbers, text in any case;
    a run without the key matches only !=.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>usage: trainyard runs tag ID KEY=VALUE... [--db PATH]

Sets tags on a run (KEY= removes one); runs show, the filter and the studio see them.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>usage: trainyard runs note ID TEXT... [--db PATH]

A run&apos;s note (its &quot;note&quot; tag, editable in the studio&apos;s runs table); no TEXT removes it.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>usage: trainyard runs list|show|diff|export|import|rm|rerun|tag|note ...

  list                 every run, newest first
  show ID              one run
  diff ID ID...        what differs between runs
  export ID            its points as CSV or JSONL
  import PATH          runs from a JSONL file, a TensorBoard logdir, an mlruns/
  rm ID                delete a run that has ended
  rerun ID             launch a run again as it was launched
  tag ID KEY=VALUE...  set (or with KEY= remove) a run&apos;s tags
  note ID TEXT         a run&apos;s note

`trainyard runs SUBCOMMAND --help` tells more.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>usage: trainyard estimate-memory MODEL [--json] [--dtype D] [--max-memory SPEC]
                                 [--device-map STRATEGY] [--config_file F] [--batch-size N] [--seq-len L]
                                 [--strategies] [--num_processes N] [--mixed_precision M]

Memory of a model per dtype, training memory per GPU for a launch config, and the device_map accelerate&apos;s big-model inference would produce. MODEL is a folder, a config.json, a model.safetensors or a *.safetensors.index.json; only headers are read.

  --json                  one JSON object
  --dtype D               float32, float16, bfloat16, int8 or int4 (default: every one in the table)
  --max-memory SPEC       per device, e.g. 0=8GiB,1=8GiB,cpu=64GiB: prints the device map
  --device-map STRATEGY   auto, balanced, balanced_low_0 or sequential (default auto)
  --config_file F         the launch config the training estimate is for
  --batch-size N          per GPU (default 1)
  --seq-len L             tokens per sample (default 2048)
  --strategies            DDP, FSDP, FSDP with CPU offload, ZeRO-2 and ZeRO-3 side by side, term by term
  --num_processes N       GPUs over all machines (default: the config&apos;s, else 1)
  --mixed_precision M     no, fp16, bf16 or fp8 (default: the config&apos;s, else no)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>usage: trainyard env

Versions, devices and the default config, to paste into a bug report (like accelerate env).
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::cli::QueueCliText</name>
    <message>
        <location filename="../app/cli/queuecommand.cpp" line="+59"/>
        <source>trainyard queue add: %1 needs a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainyard queue add: %1 takes a whole number, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+9"/>
        <location line="+27"/>
        <source>trainyard queue add: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-32"/>
        <source>trainyard queue add: give the script or program to run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Slurm is a queue of its own: submit with `trainyard launch --slurm --detach` and it runs when Slurm starts it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--dry-run, --check, --slurm-job and --queued-run are not queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--gpu_ids: the queue chooses the GPU ids of a run that asks for --gpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--gpus counts this machine&apos;s GPUs; a run on --hosts machines takes those machines whole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>queued %1 (%2): %3 GPU(s), %4 rank(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>queued %1 (%2): %3 CPU slot(s), no GPU (add --gpus N for GPUs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>queued %1 (%2): on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+168"/>
        <source>trainyard queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-154"/>
        <source>the queue is paused: nothing new starts (trainyard queue resume)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the queue is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n GPU(s)</source>
        <translation>
            <numerusform>%n GPU</numerusform>
            <numerusform>%n GPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n slot(s)</source>
        <translation>
            <numerusform>%n slot</numerusform>
            <numerusform>%n slots</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>trainyard queue run: --gpus takes distinct GPU ids such as 0,1,2,3, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>trainyard queue run: --cpu-slots takes a number of at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>trainyard queue run: unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>started %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>started %1 (%2) on GPU(s) %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2) %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>stopping the runner; the runs it started go on (the next `trainyard queue run` takes them over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainyard queue run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>serving %1: GPU pool %2%3, %n CPU slot(s)</source>
        <translation>
            <numerusform>serving %1: GPU pool %2%3, %n CPU slot</numerusform>
            <numerusform>serving %1: GPU pool %2%3, %n CPU slots</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (the GPUs NVML sees)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>the queue is empty
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainyard queue: cannot open the run database %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the queue is paused: what runs goes on, nothing new starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the queue is resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>trainyard queue: no queued run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainyard queue move: --to takes a position, 1 for next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>trainyard queue move: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainyard queue rm: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>removed %1 from the queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::cli::RunCliText</name>
    <message>
        <location filename="../app/cli/launchrun.cpp" line="+104"/>
        <source>trainyard launch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>rank %1 stopped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>; stopping the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>restarting all ranks (restart %1 of %2) after %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>stopping every rank (SIGTERM, then SIGKILL after %1 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-45"/>
        <source>trainyard launch: cannot set up signal handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>rank %1 on %2 stopped: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>watchdog: rank %1 printed and logged nothing for %2 s%3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; its Python stacks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Python stacks of %n rank(s) appended to %1/stacks-rank-N.txt</source>
        <translation>
            <numerusform>Python stacks of %n rank appended to %1/stacks-rank-N.txt</numerusform>
            <numerusform>Python stacks of %n ranks appended to %1/stacks-rank-N.txt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no rank can dump its stacks (only Python ranks can, once started)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>second interrupt: killing every rank now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interrupted (%1): stopping every rank; interrupt again to kill them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>[trainyard] %1 · ranks up %2/%3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>rank %1 silent for %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>the run database cannot be written: %1; %n point(s) wait in memory and are written when it can be (nothing acknowledged is lost while this launcher runs)</source>
        <translation>
            <numerusform>the run database cannot be written: %1; %n point waits in memory and is written when it can be (nothing acknowledged is lost while this launcher runs)</numerusform>
            <numerusform>the run database cannot be written: %1; %n points wait in memory and are written when it can be (nothing acknowledged is lost while this launcher runs)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the run database can be written again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>run %1: %2 rank(s) on %3 machine(s), logs in %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>run %1: %2 rank(s) on this machine, logs in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the ranks have ended; trying for up to %1 s to store the run&apos;s last points and its end (TRAINYARD_RECORD_TIMEOUT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>run failed: rank %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run failed: rank %1 on %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>last lines of rank %1&apos;s stderr:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>run failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>run cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>run finished in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n point(s) could not be stored; the run&apos;s outcome is kept in %1</source>
        <translation>
            <numerusform>%n point could not be stored; the run&apos;s outcome is kept in %1</numerusform>
            <numerusform>%n points could not be stored; the run&apos;s outcome is kept in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n point(s) could not be stored</source>
        <translation>
            <numerusform>%n point could not be stored</numerusform>
            <numerusform>%n points could not be stored</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the run&apos;s record is incomplete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>the metrics server refused %n connection(s): %1</source>
        <translation>
            <numerusform>the metrics server refused %n connection: %1</numerusform>
            <numerusform>the metrics server refused %n connections: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>the run database was busy %n time(s) (%1); nothing acknowledged was lost</source>
        <translation>
            <numerusform>the run database was busy %n time (%1); nothing acknowledged was lost</numerusform>
            <numerusform>the run database was busy %n times (%1); nothing acknowledged was lost</numerusform>
        </translation>
    </message>
    <message>
        <location line="-37"/>
        <source>could not record the run in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>could not record the run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>trainyard launch: --ssh: no command given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: ready (hostname %2, address %3, trainyard %4, %5 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not ready: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::cli::RunsText</name>
    <message>
        <location filename="../app/cli/runscommand.cpp" line="+105"/>
        <location line="+51"/>
        <location line="+323"/>
        <source>trainyard runs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-361"/>
        <source>trainyard runs: no run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no runs yet (%1)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1  %2  %3  %4  %5  %6
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-49"/>
        <source>trainyard runs list: --filter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>STATUS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STARTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DURATION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LATEST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>trainyard runs list: no run matches %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>* its record is incomplete (points dropped or not stored): runs show ID says what is missing
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>run %1 (%2)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  status:    %1 (rank %2 failed first, exit code %3)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  status:    %1 (exit code %2)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  incomplete: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 killed by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 exit code %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  ranks:     %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  started:   %1, duration %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  param %1 = %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  tag %1 = %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  %1 [rank %2]: %3 points, last %4 at step %5, min %6, max %7
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>no differences
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>trainyard runs export: --format takes csv or jsonl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>trainyard runs export: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>trainyard runs rerun: run %1 was not started by `trainyard launch` (it was imported, or its record is gone), so there is nothing to run again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>trainyard runs rerun: the recorded command of %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>trainyard runs rerun: the value of %1 (given with --env) is a secret and was not recorded; run `trainyard launch` with it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>trainyard runs rerun: the working directory of %1, %2, is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>trainyard: running %1 again in %2: trainyard launch %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>trainyard runs tag: &apos;%1&apos; is not KEY=VALUE (KEY= removes a tag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+72"/>
        <source>usage: trainyard runs list [--json] [--filter QUERY] | show ID [--json] | diff ID ID... [--json] | export ID --format csv|jsonl | import PATH | rm ID | rerun ID | tag ID KEY=VALUE... | note ID TEXT   [--db PATH]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-180"/>
        <source>trainyard runs import: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>imported %1 points as run %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-90"/>
        <source>  host:      %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  folder:    %1
  run dir:   %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+97"/>
        <source>trainyard runs import: nothing in %1 could be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>trainyard runs rm: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>removed run %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::cli::SlurmCliText</name>
    <message>
        <location filename="../app/cli/slurmcommand.cpp" line="+57"/>
        <source>trainyard launch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>run %1 submitted as Slurm job %2 (%n node(s)); batch script %3</source>
        <translation>
            <numerusform>run %1 submitted as Slurm job %2 (%n node); batch script %3</numerusform>
            <numerusform>run %1 submitted as Slurm job %2 (%n nodes); batch script %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>interrupted: cancelling job %1 (scancel); interrupt again to kill it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>killing job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>scancel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>job %1 pending (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>job %1 pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>job %1 running on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>job %1 ended: %2, exit code %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+8"/>
        <source>trainyard launch --slurm-job: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::cli::SweepCliText</name>
    <message>
        <location filename="../app/cli/sweepcommand.cpp" line="+43"/>
        <source>trainyard sweep: %1 takes a whole number of at least %2, not &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <source>trial %1 queued as %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>trial %1 %2: %3 = %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>trial %1 %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (it logged no %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>trial %1 stopped early: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>interrupted: the waiting trials leave the queue and the running ones are stopped; interrupt again to leave them running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>trainyard sweep: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1: %2 over %n parameter(s), %3 %4</source>
        <translation>
            <numerusform>%1: %2 over %n parameter, %3 %4</numerusform>
            <numerusform>%1: %2 over %n parameters, %3 %4</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>best: trial %1 (%2), %3 = %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::compat</name>
    <message>
        <location filename="../engine/config/compat.cpp" line="+18"/>
        <source>the FSDP1 sharding strategy %1 is stored in fsdp_reshard_after_forward (where accelerate&apos;s questionnaire writes it); accelerate launch would run FULL_SHARD, Trainyard exports FSDP_SHARDING_STRATEGY=%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>accelerate launch drops %1; Trainyard exports it as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>accelerate launch would start %1 processes here only through mpirun; Trainyard starts the %2 ranks of this machine itself, with RANK, WORLD_SIZE and MASTER_ADDR for torch.distributed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>accelerate launch ignores enable_cpu_affinity from the file (only --enable_cpu_affinity counts); Trainyard honours it and sets ACCELERATE_CPU_AFFINITY=1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: accelerate&apos;s questionnaire writes this key, but accelerate launch reads %2 and loses the answer; Trainyard reads it as %2 (rename the key for accelerate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>fp8_config.override_linear_precision is the text %1 (as accelerate 0.34 wrote it): accelerate launch would export its first three characters as the FPROP, DGRAD and WGRAD switches; Trainyard exports the booleans it spells (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>distributed_type is NO but %1 processes were asked for: accelerate launch would start one process (its simple launcher ignores the count); Trainyard starts %1, each with RANK and WORLD_SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Note: %1 is also written as fsdp_sharding_strategy, the key accelerate launch reads (accelerate&apos;s own questionnaire writes only fsdp_reshard_after_forward, and accelerate launch would then run FULL_SHARD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Note: the answers are written as amax_history_len and amax_compute_algo, the keys accelerate launch reads (accelerate&apos;s own questionnaire writes amax_history_length and amax_compute_algorithm, which its launch never reads, so they would be lost).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::memory::EstimateText</name>
    <message>
        <location filename="../engine/memory/estimate.cpp" line="+127"/>
        <source>&apos;%1&apos; is not a size; write it with a unit, e.g. 8GiB or 500MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&apos;%1&apos; is not DEVICE=SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>device &apos;%1&apos; is not a GPU index, cpu or disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+407"/>
        <source>activations are not estimated for this model (no transformer layers found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>gradient accumulation over %1 micro-batches keeps the memory of one micro-batch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::memory::ModelText</name>
    <message>
        <location filename="../engine/memory/model.cpp" line="+95"/>
        <source>%1 is %2; at most %3 is accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 must be a positive integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 layers of %2 experts make %3 expert blocks; at most %4 are accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+202"/>
        <source>%1 encoder and %2 decoder layers make %3; at most %4 are accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+100"/>
        <location line="+69"/>
        <source>cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-59"/>
        <source>not a JSON object: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>model_type &apos;%1&apos; is not supported; Trainyard knows %2 (or give the model&apos;s safetensors files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this %1 model would have %2 tensors; at most %3 are estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>header too small: the file has %1 bytes, fewer than the 8 of the header length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>header too large: it claims %1 bytes (the format allows 100,000,000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>truncated: the header claims %1 bytes but the file has only %2 after the length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the header does not start with &apos;{&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the header is not valid JSON at byte %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>tensor %1: unknown dtype &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>tensor %1: bad shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tensor %1: its shape has more elements than any file can hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>tensor %1: data_offsets must be [begin, end]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tensor %1: data_offsets end before they begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tensor %1: misaligned slice (%2 elements of %3 bits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>tensor %1: %2 bytes for shape %3 of %4, which needs %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>tensor %1 starts at byte %2 of the data, leaving a gap after byte %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tensor %1 overlaps the tensor before it (starts at %2, before %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the tensors end at byte %1 but the file has %2 bytes%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (truncated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>more than one *.safetensors.index.json: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no model.safetensors and no *.safetensors.index.json here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the index has no weight_map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>tensor %1...: its name nests %2 levels deep; at most %3 are read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>sizes come from the checkpoint&apos;s own dtypes; without config.json, no module is kept whole on one device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no such file or folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::pg::PgText</name>
    <message>
        <location filename="../trackers/pgconn.cpp" line="+83"/>
        <location line="+126"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-113"/>
        <source>cannot connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+122"/>
        <source>cannot reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::schema</name>
    <message>
        <location filename="../engine/config/schema.cpp" line="+83"/>
        <source>Where the run happens: this machine or Amazon SageMaker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The kind of distributed training: NO, MULTI_GPU (DDP), MULTI_CPU, FSDP, DEEPSPEED, MEGATRON_LM, XLA (TPU), ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mixed precision mode; quote &apos;no&apos; in YAML.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train on the CPU even when accelerators are present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check distributed operations for errors (ACCELERATE_DEBUG_MODE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pin each rank to the CPU cores nearest its GPU (NUMA). accelerate launch ignores this key from the file; Trainyard honours it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>torch.compile (TorchDynamo) settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total number of processes over all machines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rank of this machine, from 0 to num_machines - 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of machines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GPUs to use, as &apos;all&apos; or a comma-separated list such as &apos;0,1&apos;; quote a single id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Address of machine 0, needed with several machines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Port of the rendezvous on machine 0; 0 picks a free port; empty means 29500.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>torchrun rendezvous backend (static or c10d); accelerate launch ignores it from the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Whether all machines share a local network; accelerate launch ignores it from the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TPU only: the function the TPU launcher calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TPU only: store float32 as bfloat16; accelerate launch ignores it from the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TPU pod name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TPU pod zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Launch on a TPU pod.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run TPU pod commands with sudo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Script run on every TPU pod worker at start-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commands run on every TPU pod worker at start-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TPU VM names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment variables for TPU pod workers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SageMaker EC2 instance type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SageMaker IAM role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>FSDP version: 1 (FullyShardedDataParallel) or 2 (fully_shard).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>FSDP1: how parameters, gradients and optimizer states are sharded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>FSDP2: free gathered parameters after forward (true/false). accelerate&apos;s FSDP1 questionnaire stores the sharding strategy here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Offload parameters and gradients to the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SIZE_BASED_WRAP: minimum parameters of a wrapped module.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How modules are wrapped into FSDP units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TRANSFORMER_BASED_WRAP: comma-separated layer class names, e.g. LlamaDecoderLayer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>FSDP1: when to prefetch the next parameters in backward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How checkpoints are gathered when saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FSDP1: prefetch the next parameters in forward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FSDP1: keep the original parameters (needed for torch.compile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Load the checkpoint on rank 0 only; needs fsdp_sync_module_states under FSDP1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Broadcast rank 0&apos;s module states to every rank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recompute activations in backward to save memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Modules FSDP leaves alone (a regular expression).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A DeepSpeed JSON config; when set, the other DeepSpeed fields and mixed_precision must be left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ZeRO stage, 0 to 3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ZeRO 2/3: where optimizer states live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ZeRO 3: where parameters live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NVMe folder for offloaded optimizer states.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NVMe folder for offloaded parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Micro-batches accumulated before each optimizer step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clip gradients to this norm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Build the model under deepspeed.zero.Init (ZeRO 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ZeRO 3: gather and save 16-bit weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How DeepSpeed starts ranks on several machines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DeepSpeed hostfile for several machines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comma-separated mixture-of-experts layer classes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tensor parallel degree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pipeline parallel degree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>torch.compile backend, e.g. INDUCTOR; quote &apos;NO&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>FP8 library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>MPI hostfile for multi-CPU runs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::slurm::SlurmText</name>
    <message>
        <location filename="../engine/slurm/slurm.cpp" line="+48"/>
        <source>%1 was not found: is Slurm&apos;s client installed (slurm-client)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exited with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+79"/>
        <source>sbatch printed no job id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>SLURM_JOB_NODELIST is not set: not inside a Slurm job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>scontrol shows no NodeAddr for node %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trainyard::tb::TbText</name>
    <message>
        <location filename="../trackers/import/tfevents.cpp" line="+247"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+9"/>
        <source>%1: offset %2: the record&apos;s length fails its check; %3 bytes skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: offset %2: a record of %3 bytes (more than %4) skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: offset %2: the record&apos;s data fails its check; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: offset %2: the record is not a TensorBoard event; skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
