import * as assert from 'node:assert/strict';
import { enumMeaningEntries, enumValueMeaning } from '../../../server/src/hovers/knowledge/enumValues';
import { BUILTIN_SCHEMA } from '../../../server/src/schema/builtin';

describe('enum value meanings stay in step with the generated schema', () => {
  for (const { typeName, field, values } of enumMeaningEntries()) {
    it(`${typeName}.${field}: an existing field, every value of its enum explained, none invented`, () => {
      const declared = BUILTIN_SCHEMA.type(typeName)?.fields.get(field);
      assert.ok(declared, `${typeName} has no field ${field}`);
      if (declared.enum) assert.deepEqual([...values].sort(), [...declared.enum].sort());
      // A field left open in the schema (a toleration's effect may be empty) must name each value in its description.
      else for (const value of values) assert.match(declared.description ?? '', new RegExp(`\\b${value}\\b`), `${typeName}.${field}: ${value}`);
    });
  }

  it('covers the enums of Pods, Deployments, Services and PVCs that users meet', () => {
    const pairs: Array<[string, string]> = [
      ['V1PodSpec', 'restartPolicy'], ['V1Container', 'restartPolicy'], ['V1Container', 'imagePullPolicy'], ['V1ContainerPort', 'protocol'],
      ['V1ServiceSpec', 'type'], ['V1ServiceSpec', 'externalTrafficPolicy'], ['V1ServiceSpec', 'internalTrafficPolicy'],
      ['V1ServiceSpec', 'sessionAffinity'], ['V1DeploymentStrategy', 'type'], ['V1PersistentVolumeClaimSpec', 'accessModes'],
      ['V1PersistentVolumeClaimSpec', 'volumeMode'], ['V1PodSpec', 'dnsPolicy'], ['V1Container', 'terminationMessagePolicy'],
      ['V1PodSpec', 'preemptionPolicy'], ['V1ServiceSpec', 'ipFamilyPolicy'], ['V1PodSecurityContext', 'fsGroupChangePolicy'],
      ['V1SeccompProfile', 'type'],
    ];
    for (const [typeName, field] of pairs) {
      for (const value of BUILTIN_SCHEMA.type(typeName)!.fields.get(field)!.enum!) {
        assert.ok(enumValueMeaning(typeName, field, value), `${typeName}.${field}: no meaning for ${value}`);
      }
    }
  });

  it('answers nothing for an unknown type, field or value, nor for inherited object keys', () => {
    assert.equal(enumValueMeaning(undefined, 'restartPolicy', 'Always'), undefined);
    assert.equal(enumValueMeaning('V1PodSpec', 'restartPolicy', 'Sometimes'), undefined);
    assert.equal(enumValueMeaning('V1PodSpec', 'restartPolicy', 'toString'), undefined);
    assert.equal(enumValueMeaning('V1PodSpec', 'hostname', 'web'), undefined);
  });
});
